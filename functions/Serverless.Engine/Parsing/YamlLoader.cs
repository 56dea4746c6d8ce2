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
        stream.Load(new DepthLimitedParser(new Parser(new StringReader(source))));
        return stream;
    }

    private sealed class DepthLimitedParser(IParser inner) : IParser
    {
        private int _depth;

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!MoveInner())
            {
                return false;
            }

            switch (inner.Current)
            {
                case MappingStart or SequenceStart when ++_depth > MaxParseDepth:
                    throw new YamlException(inner.Current.Start, inner.Current.End, $"nesting deeper than {YamlValues.MaxDepth} levels");
                case MappingEnd or SequenceEnd:
                    _depth--;
                    break;
            }

            return true;
        }

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
    }
}
