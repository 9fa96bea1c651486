// Package events is the in-process event bus orders and scheduler publish
// domain events on; the JSON envelope is what a real broker would carry.
package events

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"
)

// Event is the envelope of every published event.
type Event struct {
	Type string          `json:"type"`
	At   time.Time       `json:"at"`
	Data json.RawMessage `json:"data"`
}

// Decode unmarshals the payload into v.
func (e Event) Decode(v any) error {
	return json.Unmarshal(e.Data, v)
}

// Handler receives the events it subscribed to.
type Handler func(context.Context, Event)

// Bus delivers events synchronously to the subscribers of their type.
type Bus struct {
	mu   sync.RWMutex
	subs map[string][]Handler
	now  func() time.Time
}

// NewBus returns a bus stamping events with the wall clock.
func NewBus() *Bus {
	return &Bus{subs: map[string][]Handler{}, now: time.Now}
}

// Subscribe calls h for every event of type typ.
func (b *Bus) Subscribe(typ string, h Handler) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.subs[typ] = append(b.subs[typ], h)
}

// Publish encodes payload and delivers it to typ's subscribers.
func (b *Bus) Publish(ctx context.Context, typ string, payload any) error {
	data, err := json.Marshal(payload)
	if err != nil {
		return fmt.Errorf("events: encoding %s: %w", typ, err)
	}
	e := Event{Type: typ, At: b.now().UTC(), Data: data}

	b.mu.RLock()
	subs := b.subs[typ]
	b.mu.RUnlock()
	for _, h := range subs {
		h(ctx, e)
	}
	return nil
}
