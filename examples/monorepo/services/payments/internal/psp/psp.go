// Package psp is the HTTPS client of the external payment service provider.
// Nothing is dialled until Charge is called.
package psp

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"example.com/monorepo/libs/money"
)

// ErrNoRoots means the system has no CA certificates, e.g. a FROM scratch
// image without /etc/ssl/certs/ca-certificates.crt.
var ErrNoRoots = errors.New("no CA certificates found (SSL_CERT_FILE, /etc/ssl/certs)")

// SystemRoots loads the system CA bundle and fails if it is empty, because an
// empty pool would only surface later as "certificate signed by unknown authority".
func SystemRoots() (*x509.CertPool, error) {
	pool, err := x509.SystemCertPool()
	if err != nil {
		return nil, fmt.Errorf("loading CA certificates: %w", err)
	}
	if pool.Equal(x509.NewCertPool()) {
		return nil, ErrNoRoots
	}
	return pool, nil
}

// Client charges cards through the provider.
type Client struct {
	baseURL string
	http    *http.Client
}

// NewClient trusts roots (the system bundle in production) and nothing older than TLS 1.2.
func NewClient(baseURL string, roots *x509.CertPool) *Client {
	return &Client{
		baseURL: baseURL,
		http: &http.Client{
			Timeout: 10 * time.Second,
			Transport: &http.Transport{
				TLSClientConfig: &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12},
			},
		},
	}
}

// Charge asks the provider to charge amount and returns its charge ID.
func (c *Client) Charge(ctx context.Context, amount money.Amount, reference string) (string, error) {
	body, err := json.Marshal(map[string]any{"amount": amount, "reference": reference})
	if err != nil {
		return "", err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/v1/charges", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return "", fmt.Errorf("psp: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("psp: charge answered %s", resp.Status)
	}
	var out struct {
		ID string `json:"id"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return "", fmt.Errorf("psp: decoding charge: %w", err)
	}
	return out.ID, nil
}
