using System.Buffers.Binary;
using System.IO.Compression;

namespace GoMonorepoBuild.Tests.Reports;

/// <summary>
/// Decodes the 8-bit RGB/RGBA, non-interlaced PNGs Chromium's --screenshot writes, so a test can look at the pixels
/// (no imaging package is available offline, and the format is small enough to read here).
/// </summary>
sealed class PngPixels
{
    public int Width { get; }
    public int Height { get; }
    readonly byte[] _rgb;

    PngPixels(int width, int height, byte[] rgb) => (Width, Height, _rgb) = (width, height, rgb);

    public (byte R, byte G, byte B) this[int x, int y] => (_rgb[(y * Width + x) * 3], _rgb[(y * Width + x) * 3 + 1], _rgb[(y * Width + x) * 3 + 2]);

    /// <summary>How many pixels are within <paramref name="tolerance"/> of the colour given as "#rrggbb".</summary>
    public int Count(string hex, int tolerance = 6)
    {
        var (r, g, b) = (Convert.ToByte(hex[1..3], 16), Convert.ToByte(hex[3..5], 16), Convert.ToByte(hex[5..7], 16));
        var n = 0;
        for (var i = 0; i < _rgb.Length; i += 3)
            if (Math.Abs(_rgb[i] - r) <= tolerance && Math.Abs(_rgb[i + 1] - g) <= tolerance && Math.Abs(_rgb[i + 2] - b) <= tolerance)
                n++;
        return n;
    }

    public int DistinctColours() => Enumerable.Range(0, _rgb.Length / 3).Select(i => (_rgb[i * 3] << 16) | (_rgb[i * 3 + 1] << 8) | _rgb[i * 3 + 2]).Distinct().Count();

    public static PngPixels Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }), $"{path} is not a PNG");
        int width = 0, height = 0, channels = 0;
        var idat = new MemoryStream();
        for (var at = 8; at < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.True(data[8] == 8 && data[12] == 0, "only 8-bit, non-interlaced PNGs are read here");
                channels = data[9] switch { 2 => 3, 6 => 4, var c => throw new NotSupportedException($"PNG colour type {c}") };
            }
            else if (type == "IDAT") idat.Write(data);
            at += 12 + length;
        }
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new MemoryStream();
        zlib.CopyTo(raw);
        return new PngPixels(width, height, Unfilter(raw.ToArray(), width, height, channels));
    }

    static byte[] Unfilter(byte[] data, int width, int height, int channels)
    {
        var stride = width * channels;
        var previous = new byte[stride];
        var rgb = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (stride + 1)];
            var line = data.AsSpan(y * (stride + 1) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int a = i >= channels ? line[i - channels] : 0, b = previous[i], c = i >= channels ? previous[i - channels] : 0;
                line[i] = (byte)(line[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new NotSupportedException($"PNG filter {filter}"),
                });
            }
            for (var x = 0; x < width; x++)
                for (var k = 0; k < 3; k++)
                    rgb[(y * width + x) * 3 + k] = line[x * channels + k];
            previous = line;
        }
        return rgb;
    }

    static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
