// Package jobs computes when jobs run, each at a wall-clock hour in its own zone.
package jobs

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"example.com/monorepo/libs/events"
	"example.com/monorepo/libs/httpx"
)

// Triggered is the event type published when a job is run by hand.
const Triggered = "job.triggered"

// Job runs daily at Hour:00 local time in Zone (an IANA name).
type Job struct {
	Name string `json:"name"`
	Zone string `json:"zone"`
	Hour int    `json:"hour"`
}

// DefaultJobs are the demo jobs: a daily report per region.
func DefaultJobs(hour int) []Job {
	return []Job{
		{Name: "report-eu", Zone: "Europe/Berlin", Hour: hour},
		{Name: "report-us", Zone: "America/New_York", Hour: hour},
		{Name: "report-apac", Zone: "Asia/Tokyo", Hour: hour},
	}
}

// LoadLocation is time.LoadLocation in production.
type LoadLocation func(name string) (*time.Location, error)

// NextRun is the first Hour:00 in loc strictly after now. Building the time
// from the calendar date (not adding 24h) keeps the hour right across DST changes.
func (j Job) NextRun(now time.Time, loc *time.Location) time.Time {
	local := now.In(loc)
	next := time.Date(local.Year(), local.Month(), local.Day(), j.Hour, 0, 0, 0, loc)
	if !next.After(local) {
		next = time.Date(local.Year(), local.Month(), local.Day()+1, j.Hour, 0, 0, 0, loc)
	}
	return next
}

// Handler serves GET /jobs (next runs), POST /jobs/{name}/run and /healthz,
// which fails when any job's zone cannot be loaded.
func Handler(all []Job, load LoadLocation, bus *events.Bus, now func() time.Time) http.Handler {
	zones := func(context.Context) error {
		for _, j := range all {
			if _, err := load(j.Zone); err != nil {
				return fmt.Errorf("job %s: %w", j.Name, err)
			}
		}
		return nil
	}

	mux := http.NewServeMux()
	mux.Handle("GET /healthz", httpx.Health(httpx.Check{Name: "time-zones", Run: zones}))
	mux.HandleFunc("GET /jobs", func(w http.ResponseWriter, r *http.Request) {
		type row struct {
			Job
			NextRun time.Time `json:"next_run"`
		}
		rows := make([]row, 0, len(all))
		for _, j := range all {
			loc, err := load(j.Zone)
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			rows = append(rows, row{Job: j, NextRun: j.NextRun(now(), loc)})
		}
		httpx.WriteJSON(w, http.StatusOK, rows)
	})
	mux.HandleFunc("POST /jobs/{name}/run", func(w http.ResponseWriter, r *http.Request) {
		for _, j := range all {
			if j.Name == r.PathValue("name") {
				if err := bus.Publish(r.Context(), Triggered, j); err != nil {
					http.Error(w, err.Error(), http.StatusInternalServerError)
					return
				}
				w.WriteHeader(http.StatusAccepted)
				return
			}
		}
		http.Error(w, "no such job", http.StatusNotFound)
	})
	return mux
}
