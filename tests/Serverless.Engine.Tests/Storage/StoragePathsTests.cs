using Serverless.Engine.Storage;

namespace Serverless.Engine.Tests.Storage;

public sealed class StoragePathsTests
{
    public static TheoryData<string, string> Attacks => new()
    {
        { "..", "'..' segments" },
        { "a/../../b", "'..' segments" },
        { "./a", "'.' segments" },
        { "a/./b", "'.' segments" },
        { "%2e%2e/x", "percent-encoded" },
        { "a%2Fb", "percent-encoded" },
        { "%2F", "percent-encoded" },
        { "a%5cb", "percent-encoded" },
        { "/etc/passwd", "absolute" },
        { "C:\\x", "':'" },
        { "C:/x", "':'" },
        { "C:", "':'" },
        { "a\\b", "backslash" },
        { "a\0b", "NUL" },
        { "a\nb", "control character" },
        { "a\u202Eb", "control character" },
        { "\u2024\u2024/x", "look-alike" },
        { "\uFF0E\uFF0E/x", "look-alike" },
        { "a\u2215b", "look-alike" },
        { "a\uFF0Fb", "look-alike" },
        { "a\u2044b", "look-alike" },
        { "a\uFF3Cb", "look-alike" },
        { "", "empty" },
        { "a//b", "empty segments" },
        { "a/", "empty segments" },
        { "file.", "ends with a dot" },
        { "dir /file", "ends with a dot or a space" },
        { "con.txt", "reserved device name" },
        { "a/NUL", "reserved device name" },
        { "what?.txt", "'?'" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public void NormalizeRelative_Attack_ThrowsInvalidPathNamingPathAndReason(string path, string reason)
    {
        var error = Assert.Throws<StorageException>(() => StoragePaths.NormalizeRelative(path));

        Assert.Equal(StorageErrorKind.InvalidPath, error.Kind);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Invalid path '", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NormalizeRelative_UnpairedSurrogate_Throws()
    {
        // Not theory data: serializing test cases would replace the lone surrogate with U+FFFD.
        var error = Assert.Throws<StorageException>(() => StoragePaths.NormalizeRelative("a\uD800b"));

        Assert.Contains("unpaired surrogate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NormalizeRelative_ControlCharacter_IsEscapedInTheMessage()
    {
        var error = Assert.Throws<StorageException>(() => StoragePaths.NormalizeRelative("a\nfake log line"));

        Assert.DoesNotContain("\n", error.Message, StringComparison.Ordinal);
        Assert.Contains("a\\u000Afake log line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NormalizeRelative_TooLong_Throws()
    {
        Assert.Throws<StorageException>(() => StoragePaths.NormalizeRelative(new string('a', 256)));
        Assert.Throws<StorageException>(() => StoragePaths.NormalizeRelative(string.Join('/', Enumerable.Repeat(new string('a', 200), 6))));
    }

    [Theory]
    [InlineData("a.txt", "a.txt")]
    [InlineData("scripts/etl/main.py", "scripts/etl/main.py")]
    [InlineData(".gitignore", ".gitignore")]
    [InlineData("a..b/c...d.txt", "a..b/c...d.txt")]
    [InlineData("data file (1).csv", "data file (1).csv")]
    [InlineData("100%.txt", "100%.txt")]
    [InlineData("cafe\u0301/\u00e9t\u00e9.md", "caf\u00e9/\u00e9t\u00e9.md")]
    [InlineData("日本/データ.json", "日本/データ.json")]
    [InlineData("emoji-\U0001F600.txt", "emoji-\U0001F600.txt")]
    public void NormalizeRelative_GoodPath_ReturnsCanonicalForm(string path, string expected)
    {
        Assert.Equal(expected, StoragePaths.NormalizeRelative(path));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("docs/", "docs/")]
    [InlineData("docs/ma", "docs/ma")]
    public void NormalizePrefix_FolderOrPartialName_IsAccepted(string? prefix, string expected)
    {
        Assert.Equal(expected, StoragePaths.NormalizePrefix(prefix));
    }

    [Theory]
    [InlineData("../")]
    [InlineData("/")]
    [InlineData("docs//")]
    public void NormalizePrefix_Unsafe_Throws(string prefix)
    {
        Assert.Throws<StorageException>(() => StoragePaths.NormalizePrefix(prefix));
    }

    [Theory]
    [InlineData("company")]
    [InlineData("company.team")]
    [InlineData("io.kestra.tests-1_a")]
    [InlineData("0abc")]
    public void ValidateNamespace_KestraNamespace_Passes(string ns)
    {
        StoragePaths.ValidateNamespace(ns);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Company", "lower-case")]
    [InlineData(".company", "lower-case")]
    [InlineData("company..team", "empty")]
    [InlineData("company.", "empty")]
    [InlineData("company/team", "lower-case")]
    [InlineData("company team", "lower-case")]
    public void ValidateNamespace_Invalid_ThrowsNamingTheNamespace(string ns, string reason)
    {
        var error = Assert.Throws<StorageException>(() => StoragePaths.ValidateNamespace(ns));

        Assert.Contains($"namespace '{ns}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateNamespace_TooLong_Throws()
    {
        Assert.Throws<StorageException>(() => StoragePaths.ValidateNamespace(new string('a', StoragePaths.MaxNamespaceLength + 1)));
    }

    [Theory]
    [InlineData("my-flow_1")]
    [InlineData("MyFlow.v2")]
    public void ValidateId_Valid_Passes(string id)
    {
        StoragePaths.ValidateId(id, "flow id");
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("-a")]
    [InlineData("a.")]
    public void ValidateId_Invalid_ThrowsNamingWhatItIs(string id)
    {
        var error = Assert.Throws<StorageException>(() => StoragePaths.ValidateId(id, "flow id"));

        Assert.Contains("flow id", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("company", "company", true)]
    [InlineData("company.team", "company", true)]
    [InlineData("companyx", "company", false)]
    [InlineData("company", "company.team", false)]
    public void IsInNamespace_ChildOrSelf_IsTrue(string candidate, string ns, bool expected)
    {
        Assert.Equal(expected, StoragePaths.IsInNamespace(candidate, ns));
    }
}
