package httpx

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"example.com/monorepo/libs/logging"
)

// HandlerFunc builds a service's root handler. It must not touch the network:
// -healthcheck calls it inside a container started with --network none.
type HandlerFunc func(log *slog.Logger) (http.Handler, error)

// Main is the command line every service shares:
//
//	-version      print the version stamped with -ldflags "-X main.version=..." and exit
//	-healthcheck  serve GET /healthz in-process (no sockets) and exit 0 if it answers 200, else 1
//	(no flags)    serve on $PORT (default :8080) until SIGINT or SIGTERM
//
// It returns the process exit code, so a service's main is os.Exit(httpx.Main(...)).
func Main(service, version string, newHandler HandlerFunc) int {
	return run(service, version, os.Args[1:], os.Stdout, os.Stderr, newHandler)
}

func run(service, version string, args []string, stdout, stderr io.Writer, newHandler HandlerFunc) int {
	fs := flag.NewFlagSet(service, flag.ContinueOnError)
	fs.SetOutput(stderr)
	healthcheck := fs.Bool("healthcheck", false, "check GET /healthz in-process and exit 0 if healthy, 1 otherwise")
	showVersion := fs.Bool("version", false, "print the version and exit")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *showVersion {
		fmt.Fprintln(stdout, version)
		return 0
	}

	log := logging.NewTo(stderr, logging.ParseLevel(os.Getenv("LOG_LEVEL")), service, version)
	h, err := newHandler(log)
	if err != nil {
		log.Error("cannot start", "err", err)
		return 1
	}
	if *healthcheck {
		return Healthcheck(h, stderr)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := Serve(ctx, Addr(), Logged(h, log), log); err != nil {
		log.Error("server failed", "err", err)
		return 1
	}
	return 0
}
