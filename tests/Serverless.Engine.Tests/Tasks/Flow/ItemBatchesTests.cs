using System.Text;
using Serverless.Engine.Activities;

namespace Serverless.Engine.Tests.Tasks.Flow;

public sealed class ItemBatchesTests
{
    [Fact]
    public async Task SplitAsync_Bytes_StartsANewBatchOnceTheLimitIsReached()
    {
        var batches = await SplitAsync("aaaa\nbbbb\ncccc\ndd\n", rows: null, bytes: 8, partitions: null);

        Assert.Equal(["aaaa\nbbbb\n", "cccc\ndd\n"], batches);
    }

    [Fact]
    public async Task SplitAsync_NoMode_IsOneLinePerBatchAndKeepsALastLineWithoutNewline()
    {
        var batches = await SplitAsync("a\nb\nc", rows: null, bytes: null, partitions: null);

        Assert.Equal(["a\n", "b\n", "c\n"], batches);
    }

    [Fact]
    public async Task SplitAsync_MorePartitionsThanLines_DropsEmptyBatches()
    {
        var batches = await SplitAsync("a\nb\n", rows: null, bytes: null, partitions: 5);

        Assert.Equal(["a\n", "b\n"], batches);
    }

    [Theory]
    [InlineData("10", 10L)]
    [InlineData("2KB", 2048L)]
    [InlineData("1.5mb", 1572864L)]
    public void ParseSize_KestraSizes_AreBytes(string text, long expected) =>
        Assert.Equal(expected, ItemBatches.ParseSize(text));

    [Fact]
    public void ParseSize_NotASize_ThrowsNamingTheProperty()
    {
        var error = Assert.Throws<FormatException>(() => ItemBatches.ParseSize("lots"));

        Assert.Contains("batch.bytes: 'lots'", error.Message, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<string>> SplitAsync(string text, int? rows, long? bytes, int? partitions)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var batches = await ItemBatches.SplitAsync(input, rows, bytes, partitions, "\n", CancellationToken.None);
        var contents = new List<string>();
        foreach (var batch in batches)
        {
            using var reader = new StreamReader(batch);
            contents.Add(await reader.ReadToEndAsync());
        }

        return contents;
    }
}
