module example.com/monorepo/services/gateway

go 1.23

require (
	example.com/monorepo/libs/auth v0.0.0
	example.com/monorepo/libs/httpx v0.0.0
	example.com/monorepo/libs/logging v0.0.0
	example.com/monorepo/libs/platform v0.0.0
)

replace (
	example.com/monorepo/libs/auth => ../../libs/auth
	example.com/monorepo/libs/httpx => ../../libs/httpx
	example.com/monorepo/libs/logging => ../../libs/logging
	example.com/monorepo/libs/platform => ../../libs/platform
)
