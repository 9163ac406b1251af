using System.Buffers.Binary;
using System.IO.Compression;

namespace DxCollab.IntegrationTests.Api;

/// <summary>Just enough of PNG to read a QR code image back as 8-bit grey pixels: non-interlaced, grey or indexed
/// (palette) colour at 1–8 bits, every scanline filter. Anything else fails loudly.</summary>
internal static class PngGray
{
    public static (int Width, int Height, byte[] Pixels) Decode(byte[] png)
    {
        var width = 0; var height = 0; var depth = 0; var colourType = 0;
        byte[] palette = [];
        using var compressed = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    depth = data[8]; colourType = data[9];
                    if (data[12] != 0 || colourType is not (0 or 3)) throw new NotSupportedException($"PNG colour type {colourType}, interlace {data[12]}");
                    break;
                case "PLTE": palette = data.ToArray(); break;
                case "IDAT": compressed.Write(data); break;
            }
            at += 12 + length;
        }
        compressed.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionMode.Decompress)) zlib.CopyTo(inflated);
        var raw = inflated.ToArray();

        var stride = (width * depth + 7) / 8;
        var previous = new byte[stride];
        var pixels = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            var line = raw.AsSpan(y * (stride + 1) + 1, stride).ToArray();
            Unfilter(raw[y * (stride + 1)], line, previous, Math.Max(1, depth / 8));
            for (var x = 0; x < width; x++)
            {
                var bitAt = x * depth;
                var value = (line[bitAt / 8] >> (8 - depth - bitAt % 8)) & ((1 << depth) - 1);
                pixels[y * width + x] = colourType == 3
                    ? (byte)((palette[value * 3] * 299 + palette[value * 3 + 1] * 587 + palette[value * 3 + 2] * 114) / 1000)
                    : (byte)(value * 255 / ((1 << depth) - 1));
            }
            previous = line;
        }
        return (width, height, pixels);
    }

    private static void Unfilter(byte filter, byte[] line, byte[] above, int bpp)
    {
        for (var i = 0; i < line.Length; i++)
        {
            int left = i >= bpp ? line[i - bpp] : 0, up = above[i], upLeft = i >= bpp ? above[i - bpp] : 0;
            line[i] = (byte)(line[i] + filter switch
            {
                0 => 0,
                1 => left,
                2 => up,
                3 => (left + up) / 2,
                4 => Paeth(left, up, upLeft),
                _ => throw new NotSupportedException($"PNG filter {filter}"),
            });
        }
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
