using System.Globalization;
using System.Text;

namespace Serverless.Engine.Storage;

/// <summary>
/// Path safety for every name that comes from users (namespace files, internal-storage URIs, working
/// directories). Only canonical relative paths are accepted: anything that a file system, a URL decoder
/// or a Unicode normalizer could turn into a traversal is rejected instead of being "cleaned", because
/// a cleaner that guesses wrong is the classic path-traversal bug.
/// </summary>
/// <remarks>
/// Rejected: empty paths and segments (<c>a//b</c>, leading or trailing <c>/</c>), <c>.</c> and <c>..</c>
/// segments (so <c>./a</c> is rejected, not rewritten), absolute paths, drive letters and any <c>:</c>,
/// backslashes, NUL, control and invisible format characters, percent escapes (<c>%2e</c>, <c>%2F</c>, any
/// <c>%XX</c>: callers decode before calling), Unicode look-alikes of dot, slash and backslash, characters
/// Windows cannot store (<c>* ? " &lt; &gt; |</c>), segments ending in a dot or space, Windows device names
/// (<c>CON</c>, <c>NUL</c>, <c>COM1</c> …), segments over 255 and paths over 1024 characters.
/// Accepted paths come back in Unicode NFC so that composed and decomposed spellings name one file.
/// </remarks>
public static partial class StoragePaths
{
    /// <summary>Longest accepted relative path: the Azure blob name limit.</summary>
    public const int MaxPathLength = 1024;

    /// <summary>Longest accepted segment: the usual file-name limit.</summary>
    public const int MaxSegmentLength = 255;

    private const string ForbiddenChars = "\\:*?\"<>|";

    // Characters that render as, or normalize (NFKC) to, a dot, a slash or a backslash.
    private const string LookAlikes =
        "\u2024\u2025\u2026\uFE52\uFF0E\u3002\uFF61" + // dot leaders, small/fullwidth/ideographic full stops
        "\u2215\u2044\u29F8\uFF0F\u2571\u1735" + // division, fraction, big, fullwidth slashes
        "\u2216\u29F5\u29F9\uFE68\uFF3C\u2572"; // set minus, reverse solidus operators, small/fullwidth backslashes

    private static readonly string[] DeviceNames =
    [
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];

    /// <summary>
    /// Validates a user-supplied relative path and returns it in canonical form (<c>a/b/c.txt</c>, NFC).
    /// Throws <see cref="StorageException"/> (<see cref="StorageErrorKind.InvalidPath"/>) naming the path and the reason.
    /// </summary>
    public static string NormalizeRelative(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (CheckPath(path, allowTrailingSlash: false) is { } reason)
        {
            throw StorageException.InvalidPath("path", path, reason);
        }

        return path.Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// Like <see cref="NormalizeRelative"/> for a listing prefix: <see langword="null"/> or empty means
    /// "everything", and a trailing <c>/</c> (a folder) is allowed.
    /// </summary>
    public static string NormalizePrefix(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix))
        {
            return string.Empty;
        }

        if (CheckPath(prefix, allowTrailingSlash: true) is { } reason)
        {
            throw StorageException.InvalidPath("path prefix", prefix, reason);
        }

        return prefix.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Returns why <paramref name="path"/> is unsafe, or <see langword="null"/> when it is acceptable.</summary>
    private static string? CheckPath(string path, bool allowTrailingSlash)
    {
        if (path.Length == 0)
        {
            return "the path is empty";
        }

        if (path.Length > MaxPathLength)
        {
            return $"longer than {MaxPathLength} characters";
        }

        if (path[0] == '/')
        {
            return "absolute paths are not allowed";
        }

        if (CheckCharacters(path) is { } charReason)
        {
            return charReason;
        }

        if (CheckSegments(path, allowTrailingSlash) is { } segmentReason)
        {
            return segmentReason;
        }

        // Compatibility normalization (what some file systems and tools apply) must not turn the path
        // into something that would have been rejected: U+FF0E.. becomes "..", U+FF0F becomes '/'.
        var compatible = path.Normalize(NormalizationForm.FormKC);
        if (compatible != path
            && (compatible.Count(c => c == '/') != path.Count(c => c == '/')
                || (CheckCharacters(compatible) ?? CheckSegments(compatible, allowTrailingSlash)) is not null))
        {
            return "contains characters that normalize to a dot, a slash or another unsafe form";
        }

        return null;
    }

    private static string? CheckSegments(string path, bool allowTrailingSlash)
    {
        var body = allowTrailingSlash && path.EndsWith('/') ? path[..^1] : path;
        foreach (var segment in body.Split('/'))
        {
            if (CheckSegment(segment) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }

    private static string? CheckCharacters(string path)
    {
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '\0')
            {
                return "contains a NUL character";
            }

            if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                return $"contains the control character U+{(int)c:X4}";
            }

            if (c == '\\')
            {
                return "backslashes are not allowed (use '/')";
            }

            if (c == ':')
            {
                return "':' is not allowed (drive letters and alternate streams)";
            }

            if (ForbiddenChars.Contains(c, StringComparison.Ordinal))
            {
                return $"the character '{c}' is not allowed";
            }

            if (LookAlikes.Contains(c, StringComparison.Ordinal))
            {
                return $"contains U+{(int)c:X4}, a look-alike of a dot or slash";
            }

            if (char.IsHighSurrogate(c) && i + 1 < path.Length && char.IsLowSurrogate(path[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "contains an unpaired surrogate";
            }

            if (c == '%' && i + 2 < path.Length && char.IsAsciiHexDigit(path[i + 1]) && char.IsAsciiHexDigit(path[i + 2]))
            {
                return $"percent-encoded sequences such as '{path.Substring(i, 3)}' are not allowed (decode first)";
            }
        }

        return null;
    }

    private static string? CheckSegment(string segment)
    {
        if (segment.Length == 0)
        {
            return "empty segments ('//', leading or trailing '/') are not allowed";
        }

        if (segment is "." or "..")
        {
            return $"'{segment}' segments are not allowed";
        }

        if (segment.Length > MaxSegmentLength)
        {
            return $"a segment is longer than {MaxSegmentLength} characters";
        }

        if (segment[^1] is '.' or ' ')
        {
            return "a segment ends with a dot or a space";
        }

        var stem = segment.Split('.')[0].TrimEnd(' ');
        return DeviceNames.Contains(stem, StringComparer.OrdinalIgnoreCase)
            ? $"'{segment}' is a reserved device name"
            : null;
    }
}
