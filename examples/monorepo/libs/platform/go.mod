module example.com/monorepo/libs/platform

go 1.23
