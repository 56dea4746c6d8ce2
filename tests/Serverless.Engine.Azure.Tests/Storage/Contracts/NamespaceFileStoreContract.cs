using System.Text;
using Serverless.Engine.Storage;
using Serverless.Engine.Azure.Tests.Azurite;

namespace Serverless.Engine.Azure.Tests.Storage;

/// <summary>What every <see cref="INamespaceFileStore"/> must do; run once per implementation.</summary>
public abstract class NamespaceFileStoreContract : IDisposable
{
    private const string Ns = "company.team";
    private readonly IStoreBackend _backend;

    protected NamespaceFileStoreContract(IStoreBackend backend)
    {
        _backend = backend;
        Store = backend.Create(TimeProvider.System).NamespaceFiles;
    }

    private INamespaceFileStore Store { get; }

    [Fact]
    public async Task WriteAsync_NewFile_ReadsBackSameBytes()
    {
        await WriteTextAsync("scripts/main.py", "print('hi')");

        Assert.Equal("print('hi')", await ReadTextAsync("scripts/main.py"));
    }

    [Fact]
    public async Task WriteAsync_ExistingFile_ReplacesContent()
    {
        await WriteTextAsync("a.txt", "first, longer content");
        await WriteTextAsync("a.txt", "second");

        Assert.Equal("second", await ReadTextAsync("a.txt"));
    }

    [Fact]
    public async Task OpenReadAsync_MissingFile_ReturnsNull()
    {
        Assert.Null(await Store.OpenReadAsync(Ns, "missing.txt"));
    }

    [Fact]
    public async Task ListAsync_WithAndWithoutPrefix_ReturnsMatchingFilesInPathOrder()
    {
        foreach (var path in new[] { "scripts/main.py", "a.txt", "docs/readme.md", "docs/guide/intro.md", "docsy.txt" })
        {
            await WriteTextAsync(path, path);
        }

        var all = await Store.ListAsync(Ns);
        var docs = await Store.ListAsync(Ns, "docs/");

        Assert.Equal(["a.txt", "docs/guide/intro.md", "docs/readme.md", "docsy.txt", "scripts/main.py"], all.Select(f => f.Path));
        Assert.Equal(["docs/guide/intro.md", "docs/readme.md"], docs.Select(f => f.Path));
        Assert.All(all, f => Assert.Equal(Ns, f.Namespace));
        Assert.Equal("docs/readme.md".Length, docs.Single(f => f.Path == "docs/readme.md").Size);
    }

    [Fact]
    public async Task ListAsync_ParentNamespace_DoesNotIncludeChildNamespaceFiles()
    {
        await WriteTextAsync("child.txt", "x");
        await Store.WriteAsync("company", "parent.txt", new MemoryStream("y"u8.ToArray()));

        var parent = await Store.ListAsync("company");

        Assert.Equal(["parent.txt"], parent.Select(f => f.Path));
    }

    [Fact]
    public async Task DeleteAsync_ExistingFile_ReturnsTrueOnceAndRemovesIt()
    {
        await WriteTextAsync("a.txt", "x");

        Assert.True(await Store.DeleteAsync(Ns, "a.txt"));
        Assert.False(await Store.DeleteAsync(Ns, "a.txt"));
        Assert.Null(await Store.OpenReadAsync(Ns, "a.txt"));
    }

    [Fact]
    public async Task MoveAsync_File_RenamesIt()
    {
        await WriteTextAsync("old/name.txt", "content");

        await Store.MoveAsync(Ns, "old/name.txt", "new/renamed.txt");

        Assert.Null(await Store.OpenReadAsync(Ns, "old/name.txt"));
        Assert.Equal("content", await ReadTextAsync("new/renamed.txt"));
    }

    [Fact]
    public async Task MoveAsync_Folder_MovesEveryFileBelowIt()
    {
        await WriteTextAsync("src/a.py", "a");
        await WriteTextAsync("src/lib/b.py", "b");
        await WriteTextAsync("srcx.py", "untouched");

        await Store.MoveAsync(Ns, "src", "app");

        Assert.Equal(["app/a.py", "app/lib/b.py", "srcx.py"], (await Store.ListAsync(Ns)).Select(f => f.Path));
        Assert.Equal("b", await ReadTextAsync("app/lib/b.py"));
    }

    [Fact]
    public async Task MoveAsync_TargetExists_ThrowsAlreadyExistsAndKeepsBothFiles()
    {
        await WriteTextAsync("a.txt", "a");
        await WriteTextAsync("b.txt", "b");

        var error = await Assert.ThrowsAsync<StorageException>(() => Store.MoveAsync(Ns, "a.txt", "b.txt"));

        Assert.Equal(StorageErrorKind.AlreadyExists, error.Kind);
        Assert.Contains("company.team/b.txt", error.Message, StringComparison.Ordinal);
        Assert.Equal("a", await ReadTextAsync("a.txt"));
        Assert.Equal("b", await ReadTextAsync("b.txt"));
    }

    [Fact]
    public async Task MoveAsync_MissingSource_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<StorageException>(() => Store.MoveAsync(Ns, "nothing", "b.txt"));

        Assert.Equal(StorageErrorKind.NotFound, error.Kind);
    }

    [Theory]
    [InlineData("../escape.txt")]
    [InlineData("a/../../escape.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("%2e%2e/escape.txt")]
    public async Task WriteAsync_UnsafePath_ThrowsInvalidPathAndWritesNothing(string path)
    {
        var error = await Assert.ThrowsAsync<StorageException>(() => Store.WriteAsync(Ns, path, new MemoryStream([1])));

        Assert.Equal(StorageErrorKind.InvalidPath, error.Kind);
        Assert.Empty(await Store.ListAsync(Ns));
    }

    [Fact]
    public async Task WriteAsync_InvalidNamespace_ThrowsInvalidPath()
    {
        var error = await Assert.ThrowsAsync<StorageException>(() => Store.WriteAsync("../company", "a.txt", new MemoryStream([1])));

        Assert.Equal(StorageErrorKind.InvalidPath, error.Kind);
    }

    [Fact]
    public async Task OpenReadAsync_DecomposedSpelling_FindsComposedFile()
    {
        await WriteTextAsync("caf\u00e9.txt", "coffee");

        Assert.Equal("coffee", await ReadTextAsync("cafe\u0301.txt"));
    }

    public void Dispose()
    {
        _backend.Dispose();
        GC.SuppressFinalize(this);
    }

    private Task WriteTextAsync(string path, string text) => Store.WriteAsync(Ns, path, new MemoryStream(Encoding.UTF8.GetBytes(text)));

    private async Task<string?> ReadTextAsync(string path)
    {
        await using var stream = await Store.OpenReadAsync(Ns, path);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}

public sealed class LocalNamespaceFileStoreTests() : NamespaceFileStoreContract(new LocalBackend());

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class BlobNamespaceFileStoreTests(AzuriteFixture azurite) : NamespaceFileStoreContract(new BlobBackend(azurite));
