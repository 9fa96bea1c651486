// Command inventory tracks stock levels per SKU and reserves stock for orders.
package main

import (
	"log/slog"
	"net/http"
	"os"

	"example.com/monorepo/libs/httpx"
	"example.com/monorepo/libs/platform/config"
	"example.com/monorepo/services/inventory/internal/diag"
	"example.com/monorepo/services/inventory/internal/stock"
)

// version is stamped at build time: -ldflags "-X main.version=1.4.0".
var version = "dev"

func main() {
	os.Exit(httpx.Main("inventory", version, newHandler))
}

func newHandler(log *slog.Logger) (http.Handler, error) {
	initial, err := config.Env.Int("INVENTORY_INITIAL_STOCK", 100)
	if err != nil {
		return nil, err
	}
	levels := stock.New(map[string]int{"mug": initial, "tea": initial})

	mux := http.NewServeMux()
	mux.Handle("GET /healthz", httpx.Health())
	mux.Handle("GET /debug/diag", diag.Handler())
	mux.Handle("/", stock.Handler(levels))
	log.Debug("stock initialised", "per_sku", initial)
	return mux, nil
}
