// Command catalog serves the product catalog as HTML, with its templates and
// stylesheet embedded in the binary.
package main

import (
	"log/slog"
	"net/http"
	"os"

	"example.com/monorepo/libs/httpx"
	"example.com/monorepo/libs/platform/metrics"
	"example.com/monorepo/services/catalog/internal/web"
)

// version is stamped at build time: -ldflags "-X main.version=1.4.0".
var version = "dev"

func main() {
	os.Exit(httpx.Main("catalog", version, newHandler))
}

func newHandler(*slog.Logger) (http.Handler, error) {
	return web.New(web.DefaultProducts(), metrics.NewRegistry())
}
