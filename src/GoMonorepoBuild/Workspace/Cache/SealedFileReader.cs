using System.Security.Cryptography;

namespace GoMonorepoBuild.Workspace.Cache;

/// <summary>
/// Reads a sealed file (a payload and its SHA-256, <see cref="PackageCodec.Sealed"/>) as a stream, hashing as it goes,
/// instead of into one array: the parse cache is 3.6 MB on moby, and an array that size is a large-object allocation
/// that set off a full garbage collection while the run's first analysis opened the cache (issue 17 item 5). The
/// caller decodes from <see cref="Payload"/> and then calls <see cref="Verify"/>; what it decoded counts only when
/// that passes (a damaged file can decode to anything before the hash tells).
/// </summary>
internal sealed class SealedFileReader : IDisposable
{
    const int HashLength = 32;
    readonly FileStream file;
    readonly HashingStream payload;

    public SealedFileReader(string path)
    {
        file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0);
        if (file.Length < HashLength)
        {
            file.Dispose();
            throw new InvalidDataException("too short");
        }
        payload = new HashingStream(file, file.Length - HashLength);
    }

    /// <summary>The payload, read once from the start; its length is the file's less the hash.</summary>
    public Stream Payload => payload;

    /// <summary>Throws <see cref="InvalidDataException"/> unless the whole payload was read and the file's hash is its SHA-256.</summary>
    public void Verify()
    {
        if (payload.Position != payload.Length) throw new InvalidDataException("trailing bytes");
        Span<byte> stored = stackalloc byte[HashLength];
        file.ReadExactly(stored);
        if (!payload.Hash().AsSpan().SequenceEqual(stored)) throw new InvalidDataException("checksum");
    }

    public void Dispose()
    {
        payload.Dispose();
        file.Dispose();
    }

    /// <summary>
    /// The first <c>length</c> bytes of a stream, read in chunks that are hashed whole (SHA-256 is a native call: per
    /// BinaryReader read of a few bytes it would cost more than the decoding) and served from the chunk.
    /// </summary>
    sealed class HashingStream(Stream inner, long length) : Stream
    {
        // Under the large-object threshold, so the buffer is an ordinary allocation.
        readonly byte[] chunk = new byte[64 * 1024];
        readonly IncrementalHash sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        int start;
        int end;
        long position;
        long fetched;

        public byte[] Hash() => sha.GetHashAndReset();

        public override int Read(Span<byte> buffer)
        {
            if (start == end && !Fill()) return 0;
            var count = Math.Min(buffer.Length, end - start);
            chunk.AsSpan(start, count).CopyTo(buffer);
            start += count;
            position += count;
            return count;
        }

        bool Fill()
        {
            var wanted = (int)Math.Min(chunk.Length, length - fetched);
            if (wanted <= 0) return false;
            var read = inner.Read(chunk, 0, wanted);
            if (read == 0) return false;
            sha.AppendData(chunk, 0, read);
            fetched += read;
            (start, end) = (0, read);
            return true;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int ReadByte()
        {
            if (start == end && !Fill()) return -1;
            position++;
            return chunk[start++];
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;

        public override long Position
        {
            get => position;
            set => throw new NotSupportedException();
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) sha.Dispose();
            base.Dispose(disposing);
        }
    }
}
