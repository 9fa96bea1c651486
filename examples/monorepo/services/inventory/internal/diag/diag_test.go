package diag

import (
	"runtime"
	"testing"
)

func TestTake(t *testing.T) {
	s := Take()
	if s.OS != runtime.GOOS || s.Goroutines < 1 {
		t.Fatalf("snapshot = %+v", s)
	}
	// Only the Linux build counts open files; stdin/stdout/stderr are always there.
	if runtime.GOOS == "linux" && s.OpenFiles < 3 {
		t.Fatalf("open files = %d on linux", s.OpenFiles)
	}
}
