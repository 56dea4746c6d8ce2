using System.Globalization;
using System.Text;

namespace Serverless.Engine.Activities;

/// <summary>
/// Splits a text file into batches line by line, as Kestra's ForEachItem does: by rows, by size, or into a
/// number of partitions. Batches are written to temporary files (deleted when disposed), so a large file
/// never has to fit in memory.
/// </summary>
internal static class ItemBatches
{
    /// <summary>The batches of <paramref name="input"/>, each a readable stream positioned at its start.</summary>
    public static async Task<IReadOnlyList<Stream>> SplitAsync(Stream input, int? rows, long? bytes, int? partitions, string separator, CancellationToken ct)
    {
        using var reader = new StreamReader(input, Encoding.UTF8);
        var batches = new List<Stream>();
        try
        {
            if (partitions is { } count)
            {
                await PartitionAsync(reader, count, separator, batches, ct);
            }
            else
            {
                var maxRows = bytes is null ? rows ?? 1 : int.MaxValue;
                await ChunkAsync(reader, maxRows, bytes ?? long.MaxValue, separator, batches, ct);
            }
        }
        catch
        {
            batches.ForEach(b => b.Dispose());
            throw;
        }

        foreach (var batch in batches)
        {
            batch.Position = 0;
        }

        return batches;
    }

    private static async Task ChunkAsync(StreamReader reader, int maxRows, long maxBytes, string separator, List<Stream> batches, CancellationToken ct)
    {
        Stream? current = null;
        var rowsInBatch = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            // As Kestra: a new batch starts before the line once the current one has reached the limit.
            if (current is null || rowsInBatch >= maxRows || current.Length >= maxBytes)
            {
                current = NewBatch();
                batches.Add(current);
                rowsInBatch = 0;
            }

            await WriteLineAsync(current, line, separator, ct);
            rowsInBatch++;
        }
    }

    private static async Task PartitionAsync(StreamReader reader, int count, string separator, List<Stream> batches, CancellationToken ct)
    {
        for (var i = 0; i < count; i++)
        {
            batches.Add(NewBatch());
        }

        var next = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            await WriteLineAsync(batches[next], line, separator, ct);
            next = (next + 1) % count;
        }

        foreach (var empty in batches.Where(b => b.Length == 0).ToList())
        {
            empty.Dispose();
            batches.Remove(empty);
        }
    }

    private static Task WriteLineAsync(Stream batch, string line, string separator, CancellationToken ct) =>
        batch.WriteAsync(Encoding.UTF8.GetBytes(line + separator), ct).AsTask();

    private static FileStream NewBatch() => new(Path.Join(Path.GetTempPath(), "flows-batch-" + Path.GetRandomFileName()),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    /// <summary>A size as Kestra writes it: a number of bytes, or a number with B, KB, MB, GB or TB (powers of 1024).</summary>
    public static long ParseSize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim().ToUpperInvariant();
        var units = new (string Suffix, long Factor)[] { ("TB", 1L << 40), ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10), ("B", 1) };
        foreach (var (suffix, factor) in units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(trimmed[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0)
            {
                return (long)(number * factor);
            }
        }

        return long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var plain) && plain > 0
            ? plain
            : throw new FormatException($"batch.bytes: '{text}' is not a size (e.g. 10MB, 512KB or a number of bytes)");
    }
}
