using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Serverless.Engine.Parsing;

/// <summary>
/// Loads untrusted YAML into a <see cref="YamlStream"/> with a nesting limit enforced while parsing.
/// </summary>
/// <remarks>
/// <see cref="YamlStream.Load(TextReader)"/> builds the node tree recursively, one stack frame chain per
/// nesting level, so a few hundred thousand <c>[</c> overflow the stack and kill the process (a
/// <see cref="StackOverflowException"/> cannot be caught). The event parser itself is iterative: counting
/// collection starts there stops a deep document with a positioned <see cref="YamlException"/> before the
/// tree is built. Found by the YAML fuzzer (tests/Serverless.Reliability.Tests).
/// </remarks>
internal static class YamlLoader
{
    /// <summary>Deepest collection nesting accepted while loading: a little above the conversion limit, which words the usual error.</summary>
    public const int MaxParseDepth = YamlValues.MaxDepth + 2;

    public static YamlStream Load(string source)
    {
        var stream = new YamlStream();
        var parser = new DepthLimitedParser(new Parser(new StringReader(source)));
        try
        {
            stream.Load(parser);
        }
        catch (ArgumentException e)
        {
            // The tree builder rejects some event orders the parser lets through (an empty key before a
            // broken line, found by the fuzzer) with an ArgumentException: a YAML error at that event.
            var at = parser.Current?.Start ?? Mark.Empty;
            throw new YamlException(at, parser.Current?.End ?? at, "this YAML structure is not supported", e);
        }

        return stream;
    }

    /// <summary>
    /// Passes events through, refusing what YamlDotNet's tree builder cannot survive: nesting past
    /// <see cref="MaxParseDepth"/>, an alias inside the node it names (a cycle: hashing it recursed until
    /// the stack overflowed), and collections as mapping keys (hashed recursively, exponentially with aliases).
    /// Flows never need the last two.
    /// </summary>
    private sealed class DepthLimitedParser(IParser inner) : IParser
    {
        private readonly Stack<Frame> _open = new();
        private readonly HashSet<string> _collectionAnchors = new(StringComparer.Ordinal);

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!MoveInner())
            {
                return false;
            }

            var current = inner.Current!;
            switch (current)
            {
                case MappingEnd or SequenceEnd:
                    _open.TryPop(out _);
                    break;
                case AnchorAlias alias:
                    CheckAlias(alias, NextIsKey());
                    break;
                case NodeEvent node:
                    Check(node, NextIsKey());
                    break;
            }

            return true;
        }

        /// <summary>Whether the node starting now is a mapping key; flips the parent mapping's key/value turn.</summary>
        private bool NextIsKey()
        {
            if (!_open.TryPeek(out var parent) || !parent.Mapping)
            {
                return false;
            }

            parent.ExpectKey = !parent.ExpectKey;
            return !parent.ExpectKey;
        }

        private void CheckAlias(AnchorAlias alias, bool isKey)
        {
            var name = alias.Value.Value;
            if (_open.Any(f => f.Anchor == name))
            {
                throw Error(alias, $"the alias *{name} is inside the node it refers to (a cycle)");
            }

            if (isKey && _collectionAnchors.Contains(name))
            {
                throw Error(alias, "a mapping key must be a plain value, not a list or map");
            }
        }

        private void Check(NodeEvent node, bool isKey)
        {
            if (node is not (MappingStart or SequenceStart))
            {
                return;
            }

            if (isKey)
            {
                throw Error(node, "a mapping key must be a plain value, not a list or map");
            }

            if (_open.Count + 1 > MaxParseDepth)
            {
                throw Error(node, $"nesting deeper than {YamlValues.MaxDepth} levels");
            }

            var anchor = node.Anchor.IsEmpty ? null : node.Anchor.Value;
            if (anchor is not null)
            {
                _collectionAnchors.Add(anchor);
            }

            _open.Push(new Frame(node is MappingStart, anchor));
        }

        private static YamlException Error(ParsingEvent at, string message) => new(at.Start, at.End, message);

        /// <summary>
        /// YamlDotNet's scanner throws <see cref="InvalidOperationException"/> on some malformed plain scalars (a
        /// library bug, found by the fuzzer); reported as a YAML error at the last good position instead.
        /// </summary>
        private bool MoveInner()
        {
            try
            {
                return inner.MoveNext();
            }
            catch (InvalidOperationException e)
            {
                var at = inner.Current?.End ?? Mark.Empty;
                throw new YamlException(at, at, "malformed YAML after this point", e);
            }
        }

        private sealed class Frame(bool mapping, string? anchor)
        {
            public bool Mapping { get; } = mapping;

            public string? Anchor { get; } = anchor;

            public bool ExpectKey { get; set; } = mapping;
        }
    }
}
