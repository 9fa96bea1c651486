package jobs

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"example.com/monorepo/libs/events"
)

// fixedZones stands in for the zoneinfo database so the tests do not depend
// on the machine's tzdata.
func fixedZones(name string) (*time.Location, error) {
	switch name {
	case "Europe/Berlin":
		return time.FixedZone("CET", 3600), nil
	case "America/New_York":
		return time.FixedZone("EST", -5*3600), nil
	case "Asia/Tokyo":
		return time.FixedZone("JST", 9*3600), nil
	}
	return nil, errors.New("unknown time zone " + name)
}

func TestNextRun(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	job := Job{Name: "j", Zone: "Europe/Berlin", Hour: 9}
	cases := []struct{ now, want time.Time }{
		{time.Date(2025, 1, 10, 7, 0, 0, 0, time.UTC), time.Date(2025, 1, 10, 9, 0, 0, 0, cet)},
		{time.Date(2025, 1, 10, 8, 0, 0, 0, time.UTC), time.Date(2025, 1, 11, 9, 0, 0, 0, cet)},
		{time.Date(2025, 1, 31, 12, 0, 0, 0, time.UTC), time.Date(2025, 2, 1, 9, 0, 0, 0, cet)},
	}
	for _, c := range cases {
		if got := job.NextRun(c.now, cet); !got.Equal(c.want) {
			t.Errorf("NextRun(%v) = %v, want %v", c.now, got, c.want)
		}
	}
}

func TestHealthNamesTheJobWhoseZoneIsMissing(t *testing.T) {
	all := append(DefaultJobs(9), Job{Name: "report-mars", Zone: "Mars/Olympus", Hour: 9})
	h := Handler(all, fixedZones, events.NewBus(), time.Now)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "report-mars") {
		t.Fatalf("healthz: %d %s", rec.Code, rec.Body.String())
	}
}

func TestJobsAndManualRun(t *testing.T) {
	bus := events.NewBus()
	var ran []string
	bus.Subscribe(Triggered, func(_ context.Context, e events.Event) {
		var j Job
		if err := e.Decode(&j); err != nil {
			t.Error(err)
		}
		ran = append(ran, j.Name)
	})
	now := func() time.Time { return time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC) }
	h := Handler(DefaultJobs(9), fixedZones, bus, now)

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("healthz: %d %s", rec.Code, rec.Body.String())
	}

	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/jobs", nil))
	// Midnight UTC is 01:00 in Berlin (run today) but exactly 09:00 in
	// Tokyo, and a run is strictly in the future, so Tokyo runs tomorrow.
	for _, want := range []string{`"next_run":"2025-01-10T09:00:00+01:00"`, `"next_run":"2025-01-11T09:00:00+09:00"`} {
		if !strings.Contains(rec.Body.String(), want) {
			t.Fatalf("GET /jobs lacks %s: %s", want, rec.Body.String())
		}
	}

	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/jobs/report-us/run", nil))
	if rec.Code != http.StatusAccepted || len(ran) != 1 || ran[0] != "report-us" {
		t.Fatalf("run: %d, ran %v", rec.Code, ran)
	}
}
