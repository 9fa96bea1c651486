// Command scheduler runs jobs at local times in their own time zones.
//
// It deliberately does not import time/tzdata: zones come from the image's
// /usr/share/zoneinfo (or $ZONEINFO), so an image without zoneinfo fails
// -healthcheck instead of silently scheduling in UTC.
package main

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"time"

	"example.com/monorepo/libs/events"
	"example.com/monorepo/libs/httpx"
	"example.com/monorepo/libs/logging"
	"example.com/monorepo/libs/platform/config"
	"example.com/monorepo/services/scheduler/internal/jobs"
)

// version is stamped at build time: -ldflags "-X main.version=1.4.0".
var version = "dev"

func main() {
	os.Exit(httpx.Main("scheduler", version, newHandler))
}

func newHandler(log *slog.Logger) (http.Handler, error) {
	hour, err := config.Env.Int("SCHEDULER_REPORT_HOUR", 9)
	if err != nil {
		return nil, err
	}
	bus := events.NewBus()
	bus.Subscribe(jobs.Triggered, func(ctx context.Context, e events.Event) {
		logging.From(ctx).Info("job triggered", "at", e.At)
	})
	log.Info("configured", "report_hour", hour)
	return jobs.Handler(jobs.DefaultJobs(hour), time.LoadLocation, bus, time.Now), nil
}
