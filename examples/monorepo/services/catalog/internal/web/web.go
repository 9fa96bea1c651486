// Package web renders the catalog pages from embedded templates and assets.
package web

import (
	"embed"
	"html/template"
	"io/fs"
	"net/http"

	"example.com/monorepo/libs/httpx"
	"example.com/monorepo/libs/logging"
	"example.com/monorepo/libs/platform/metrics"
)

// The assets ship inside the binary, so the image needs no files besides it;
// editing any of them changes the build.
//
//go:embed templates static/*.css static/*.svg
var assets embed.FS

// Product is one catalog entry.
type Product struct {
	SKU   string
	Name  string
	Price string
}

// DefaultProducts is the demo catalog.
func DefaultProducts() []Product {
	return []Product{
		{SKU: "mug", Name: "Enamel mug", Price: "8.50 EUR"},
		{SKU: "tea", Name: "Sencha, 100 g", Price: "3.99 EUR"},
	}
}

// New returns the catalog routes.
func New(products []Product, reg *metrics.Registry) (http.Handler, error) {
	tmpl, err := template.ParseFS(assets, "templates/*.html.tmpl")
	if err != nil {
		return nil, err
	}
	static, err := fs.Sub(assets, "static")
	if err != nil {
		return nil, err
	}
	views := reg.Counter("catalog_page_views_total")

	mux := http.NewServeMux()
	mux.Handle("GET /healthz", httpx.Health())
	mux.Handle("GET /metrics", reg.Handler())
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		views.Inc()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if err := tmpl.ExecuteTemplate(w, "index.html.tmpl", products); err != nil {
			logging.From(r.Context()).Error("rendering index", "err", err)
		}
	})
	return mux, nil
}
