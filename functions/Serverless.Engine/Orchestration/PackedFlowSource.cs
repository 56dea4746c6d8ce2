using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;

namespace Serverless.Engine.Orchestration;

/// <summary>
/// A flow's YAML source, Brotli-compressed and base64-encoded, as segments carry it. An orchestration's input is
/// replayed in every episode: a 1,000-task flow's source (about 80 KB, a large-object-heap string) in every
/// episode of every slice made long flows slower per step; packed it is a few kilobytes.
/// </summary>
internal static class PackedFlowSource
{
    /// <summary>Packs per source instance: every slice of an execution shares its parent's source string.</summary>
    private static readonly ConditionalWeakTable<string, string> Packed = [];

    public static string Pack(string source) => Packed.GetValue(source, static text =>
    {
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(Encoding.UTF8.GetBytes(text));
        }

        return Convert.ToBase64String(buffer.GetBuffer(), 0, (int)buffer.Length);
    });

    public static string Unpack(string packed)
    {
        using var brotli = new BrotliStream(new MemoryStream(Convert.FromBase64String(packed)), CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
