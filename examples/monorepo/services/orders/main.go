// Command orders takes orders, prices them and publishes order.placed events.
package main

import (
	"context"
	"log/slog"
	"net/http"
	"os"

	"example.com/monorepo/libs/events"
	"example.com/monorepo/libs/httpx"
	"example.com/monorepo/libs/logging"
	"example.com/monorepo/libs/platform/config"
	"example.com/monorepo/libs/platform/metrics"
	"example.com/monorepo/services/orders/internal/api"
	"example.com/monorepo/services/orders/internal/store"
)

// version is stamped at build time: -ldflags "-X main.version=1.4.0".
var version = "dev"

func main() {
	os.Exit(httpx.Main("orders", version, newHandler))
}

func newHandler(log *slog.Logger) (http.Handler, error) {
	maxLines, err := config.Env.Int("ORDERS_MAX_LINES", 50)
	if err != nil {
		return nil, err
	}
	bus := events.NewBus()
	bus.Subscribe(api.OrderPlaced, func(ctx context.Context, e events.Event) {
		logging.From(ctx).Info("event published", "type", e.Type)
	})
	log.Info("configured", "max_lines", maxLines)
	return api.New(api.Deps{
		Store:    store.New(),
		Bus:      bus,
		Metrics:  metrics.NewRegistry(),
		MaxLines: maxLines,
	}), nil
}
