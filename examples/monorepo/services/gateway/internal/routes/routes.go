// Package routes maps the public /api paths onto the internal services.
package routes

import (
	"fmt"
	"net/http"
	"net/http/httputil"
	"net/url"

	"example.com/monorepo/libs/auth"
	"example.com/monorepo/libs/httpx"
	"example.com/monorepo/libs/logging"
)

// Upstreams are the base URLs of the internal services.
type Upstreams struct {
	Orders   string
	Payments string
	Catalog  string
}

// New returns the gateway's routes. Orders and payments need a bearer token;
// the catalog is public. Upstreams are only dialled when a request arrives.
func New(signer *auth.Signer, up Upstreams) (http.Handler, error) {
	mux := http.NewServeMux()
	mux.Handle("GET /healthz", httpx.Health())
	for _, r := range []struct {
		prefix, target string
		public         bool
	}{
		{"/api/orders/", up.Orders, false},
		{"/api/payments/", up.Payments, false},
		{"/api/catalog/", up.Catalog, true},
	} {
		proxy, err := newProxy(r.prefix, r.target)
		if err != nil {
			return nil, err
		}
		if !r.public {
			proxy = auth.Require(signer, proxy)
		}
		mux.Handle(r.prefix, proxy)
	}
	return mux, nil
}

// newProxy forwards prefix+rest to target/rest.
func newProxy(prefix, target string) (http.Handler, error) {
	u, err := url.Parse(target)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return nil, fmt.Errorf("upstream for %s: %q is not an absolute URL", prefix, target)
	}
	rp := &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(u)
			pr.Out.URL.Path = "/" + pr.In.URL.Path[len(prefix):]
			pr.Out.URL.RawPath = ""
			pr.SetXForwarded()
		},
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) {
			logging.From(r.Context()).Error("upstream failed", "upstream", target, "err", err)
			http.Error(w, "upstream unavailable", http.StatusBadGateway)
		},
	}
	return rp, nil
}
