using Serverless.Engine.Storage;

namespace Serverless.Engine.Tests.Storage;

/// <summary>Real directories and real symbolic links in a temporary folder.</summary>
public sealed class ResolveInsideTests : IDisposable
{
    private readonly string _sandbox = Directory.CreateTempSubdirectory("resolve-inside-").FullName;
    private readonly string _root;
    private readonly string _outside;

    public ResolveInsideTests()
    {
        _root = Directory.CreateDirectory(Path.Join(_sandbox, "work")).FullName;
        _outside = Directory.CreateDirectory(Path.Join(_sandbox, "secret")).FullName;
        File.WriteAllText(Path.Join(_outside, "key.txt"), "secret");
    }

    [Fact]
    public void ResolveInside_PlainPath_ReturnsFullPathUnderRoot()
    {
        var full = StoragePaths.ResolveInside(_root, "out/data.csv");

        Assert.Equal(Path.Join(_root, "out", "data.csv"), full);
    }

    [Fact]
    public void ResolveInside_TraversalPath_Throws()
    {
        var error = Assert.Throws<StorageException>(() => StoragePaths.ResolveInside(_root, "../secret/key.txt"));

        Assert.Equal(StorageErrorKind.InvalidPath, error.Kind);
    }

    [Fact]
    public void ResolveInside_DirectoryLinkPointingOutside_Throws()
    {
        Directory.CreateSymbolicLink(Path.Join(_root, "escape"), _outside);

        var error = Assert.Throws<StorageException>(() => StoragePaths.ResolveInside(_root, "escape/key.txt"));

        Assert.Contains("symbolic link leads outside", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveInside_FileLinkPointingOutside_Throws()
    {
        File.CreateSymbolicLink(Path.Join(_root, "key.txt"), Path.Join(_outside, "key.txt"));

        Assert.Throws<StorageException>(() => StoragePaths.ResolveInside(_root, "key.txt"));
    }

    [Fact]
    public void ResolveInside_RelativeLinkClimbingOut_Throws()
    {
        Directory.CreateDirectory(Path.Join(_root, "a"));
        Directory.CreateSymbolicLink(Path.Join(_root, "a", "up"), "../../secret");

        Assert.Throws<StorageException>(() => StoragePaths.ResolveInside(_root, "a/up/key.txt"));
    }

    [Fact]
    public void ResolveInside_DanglingLinkToOutside_Throws()
    {
        File.CreateSymbolicLink(Path.Join(_root, "new.txt"), Path.Join(_outside, "created-by-attacker.txt"));

        Assert.Throws<StorageException>(() => StoragePaths.ResolveInside(_root, "new.txt"));
    }

    [Fact]
    public void ResolveInside_ChainOfLinksEndingOutside_Throws()
    {
        Directory.CreateSymbolicLink(Path.Join(_root, "hop2"), _outside);
        Directory.CreateSymbolicLink(Path.Join(_root, "hop1"), Path.Join(_root, "hop2"));

        Assert.Throws<StorageException>(() => StoragePaths.ResolveInside(_root, "hop1/key.txt"));
    }

    [Fact]
    public void ResolveInside_LinkLoop_Throws()
    {
        File.CreateSymbolicLink(Path.Join(_root, "loop1"), Path.Join(_root, "loop2"));
        File.CreateSymbolicLink(Path.Join(_root, "loop2"), Path.Join(_root, "loop1"));

        var error = Assert.Throws<StorageException>(() => StoragePaths.ResolveInside(_root, "loop1"));

        Assert.Equal(StorageErrorKind.InvalidPath, error.Kind);
    }

    [Fact]
    public void ResolveInside_LinkStayingInside_IsAllowed()
    {
        Directory.CreateDirectory(Path.Join(_root, "real"));
        Directory.CreateSymbolicLink(Path.Join(_root, "alias"), Path.Join(_root, "real"));

        Assert.Equal(Path.Join(_root, "alias", "f.txt"), StoragePaths.ResolveInside(_root, "alias/f.txt"));
    }

    [Fact]
    public void ResolveInside_RootReachedThroughALink_StillWorks()
    {
        var linkedRoot = Path.Join(_sandbox, "work-link");
        Directory.CreateSymbolicLink(linkedRoot, _root);

        Assert.Equal(Path.Join(linkedRoot, "a.txt"), StoragePaths.ResolveInside(linkedRoot, "a.txt"));
    }

    public void Dispose() => Directory.Delete(_sandbox, recursive: true);
}
