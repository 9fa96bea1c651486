// Command payments charges orders through an external payment provider over
// HTTPS, so its image needs the CA certificate bundle.
package main

import (
	"context"
	"log/slog"
	"net/http"
	"os"

	"example.com/monorepo/libs/auth"
	"example.com/monorepo/libs/httpx"
	"example.com/monorepo/libs/platform/config"
	"example.com/monorepo/services/payments/internal/api"
	"example.com/monorepo/services/payments/internal/psp"
)

// version is stamped at build time: -ldflags "-X main.version=1.4.0".
var version = "dev"

// devSecret keeps the service (and -healthcheck) runnable without setup;
// a deployment sets AUTH_SECRET.
const devSecret = "insecure-development-secret"

func main() {
	os.Exit(httpx.Main("payments", version, newHandler))
}

func newHandler(log *slog.Logger) (http.Handler, error) {
	secret := config.Env.String("AUTH_SECRET", "")
	if secret == "" {
		log.Warn("AUTH_SECRET is not set; using an insecure development secret")
		secret = devSecret
	}
	signer, err := auth.NewSigner([]byte(secret))
	if err != nil {
		return nil, err
	}

	// Missing CA roots do not stop the service from starting: /healthz reports
	// them instead, so an image built without the bundle fails -healthcheck.
	roots, rootsErr := psp.SystemRoots()
	if rootsErr != nil {
		log.Error("no CA roots; charges will fail", "err", rootsErr)
	}
	client := psp.NewClient(config.Env.String("PSP_URL", "https://psp.example.com"), roots)

	return api.New(api.Deps{
		Charger: client,
		Signer:  signer,
		Roots:   func(context.Context) error { return rootsErr },
	}), nil
}
