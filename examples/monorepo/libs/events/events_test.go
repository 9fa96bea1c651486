package events

import (
	"context"
	"testing"
)

func TestPublishReachesOnlyMatchingSubscribers(t *testing.T) {
	bus := NewBus()
	var got []string
	bus.Subscribe("order.placed", func(_ context.Context, e Event) {
		var p struct{ ID string }
		if err := e.Decode(&p); err != nil {
			t.Error(err)
		}
		got = append(got, p.ID)
	})
	bus.Subscribe("job.triggered", func(context.Context, Event) { t.Error("wrong subscriber called") })

	if err := bus.Publish(context.Background(), "order.placed", map[string]string{"ID": "o-1"}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != "o-1" {
		t.Fatalf("got %v", got)
	}
}

func TestPublishRejectsUnencodablePayload(t *testing.T) {
	if err := NewBus().Publish(context.Background(), "x", make(chan int)); err == nil {
		t.Fatal("expected an encoding error")
	}
}
