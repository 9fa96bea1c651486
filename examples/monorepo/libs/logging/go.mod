module example.com/monorepo/libs/logging

go 1.23
