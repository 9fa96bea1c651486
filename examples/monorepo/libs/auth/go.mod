module example.com/monorepo/libs/auth

go 1.23
