// Command gateway is the public entry point: it checks bearer tokens and
// forwards /api/... to the internal services.
package main

import (
	"log/slog"
	"net/http"
	"os"

	"example.com/monorepo/libs/auth"
	"example.com/monorepo/libs/httpx"
	"example.com/monorepo/libs/platform/config"
	"example.com/monorepo/services/gateway/internal/routes"
)

// version is stamped at build time: -ldflags "-X main.version=1.4.0".
var version = "dev"

func main() {
	os.Exit(httpx.Main("gateway", version, newHandler))
}

func newHandler(log *slog.Logger) (http.Handler, error) {
	secret := config.Env.String("AUTH_SECRET", "")
	if secret == "" {
		log.Warn("AUTH_SECRET is not set; using an insecure development secret")
		secret = "insecure-development-secret"
	}
	signer, err := auth.NewSigner([]byte(secret))
	if err != nil {
		return nil, err
	}
	return routes.New(signer, routes.Upstreams{
		Orders:   config.Env.String("ORDERS_URL", "http://orders:8080"),
		Payments: config.Env.String("PAYMENTS_URL", "http://payments:8080"),
		Catalog:  config.Env.String("CATALOG_URL", "http://catalog:8080"),
	})
}
