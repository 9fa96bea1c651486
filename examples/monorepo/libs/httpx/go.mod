module example.com/monorepo/libs/httpx

go 1.23

require example.com/monorepo/libs/logging v0.0.0

replace example.com/monorepo/libs/logging => ../logging
