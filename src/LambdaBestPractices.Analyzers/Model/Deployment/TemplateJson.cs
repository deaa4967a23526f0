using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace LambdaBestPractices.Analyzers.Model.Deployment;

/// <summary>
/// Reads a JSON deployment file (<c>serverless.template</c>, <c>template.json</c>, <c>aws-lambda-tools-defaults.json</c>)
/// into <see cref="TemplateNode"/>s. RFC 8259 (objects, arrays, strings with every escape, numbers, <c>true</c>,
/// <c>false</c>, <c>null</c>), plus what those files carry in practice: <c>//</c> and <c>/* */</c> comments, trailing
/// commas and a BOM. Numbers and literals are scalars with their text as written. Hand-written because an analyzer
/// cannot bring a JSON library into the compiler's load context, and the model needs every value's span (for a finding's
/// line), which a reader of values does not keep. Null for malformed input (nesting deeper than 64 among it); never throws
/// but for cancellation.
/// </summary>
internal static class TemplateJson
{
    private const int MaxDepth = 64;

    /// <summary>The file's root value, or null when the text is not (lenient) JSON.</summary>
    public static TemplateNode? Parse(SourceText text, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            return null;
        }

        return new Parser(text.ToString(), cancellationToken).ParseDocument();
    }

    private sealed class Parser
    {
        private readonly string _s;
        private readonly CancellationToken _cancellationToken;
        private readonly StringBuilder _builder = new();
        private int _pos;

        public Parser(string text, CancellationToken cancellationToken)
        {
            _s = text;
            _cancellationToken = cancellationToken;
        }

        public TemplateNode? ParseDocument()
        {
            if (_s.Length > 0 && _s[0] == '\uFEFF')
            {
                _pos = 1;
            }

            if (!SkipTrivia() || _pos >= _s.Length)
            {
                return null;
            }

            var root = ParseValue(0);
            if (root is null || !SkipTrivia() || _pos != _s.Length)
            {
                return null;
            }

            return root;
        }

        private TemplateNode? ParseValue(int depth)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (_pos >= _s.Length)
            {
                return null;
            }

            switch (_s[_pos])
            {
                case '{':
                    return ParseObject(depth + 1);
                case '[':
                    return ParseArray(depth + 1);
                case '"':
                    return ParseString();
                case 't':
                    return ParseLiteral("true");
                case 'f':
                    return ParseLiteral("false");
                case 'n':
                    return ParseLiteral("null");
                default:
                    return ParseNumber();
            }
        }

        private TemplateMap? ParseObject(int depth)
        {
            if (depth > MaxDepth)
            {
                return null;
            }

            var start = _pos;
            _pos++;
            var entries = new List<KeyValuePair<TemplateScalar, TemplateNode>>();
            while (true)
            {
                if (!SkipTrivia() || _pos >= _s.Length)
                {
                    return null;
                }

                if (_s[_pos] == '}')
                {
                    // Empty, or after a trailing comma.
                    break;
                }

                if (entries.Count > 0)
                {
                    if (_s[_pos] != ',')
                    {
                        return null;
                    }

                    _pos++;
                    if (!SkipTrivia() || _pos >= _s.Length)
                    {
                        return null;
                    }

                    if (_s[_pos] == '}')
                    {
                        break;
                    }
                }

                if (_s[_pos] != '"')
                {
                    return null;
                }

                var key = ParseString();
                if (key is null || !SkipTrivia() || _pos >= _s.Length || _s[_pos] != ':')
                {
                    return null;
                }

                _pos++;
                if (!SkipTrivia())
                {
                    return null;
                }

                var value = ParseValue(depth);
                if (value is null)
                {
                    return null;
                }

                entries.Add(new KeyValuePair<TemplateScalar, TemplateNode>(key, value));
            }

            _pos++;
            return new TemplateMap(entries, TextSpan.FromBounds(start, _pos));
        }

        private TemplateSequence? ParseArray(int depth)
        {
            if (depth > MaxDepth)
            {
                return null;
            }

            var start = _pos;
            _pos++;
            var items = new List<TemplateNode>();
            while (true)
            {
                if (!SkipTrivia() || _pos >= _s.Length)
                {
                    return null;
                }

                if (_s[_pos] == ']')
                {
                    break;
                }

                if (items.Count > 0)
                {
                    if (_s[_pos] != ',')
                    {
                        return null;
                    }

                    _pos++;
                    if (!SkipTrivia() || _pos >= _s.Length)
                    {
                        return null;
                    }

                    if (_s[_pos] == ']')
                    {
                        break;
                    }
                }

                var item = ParseValue(depth);
                if (item is null)
                {
                    return null;
                }

                items.Add(item);
            }

            _pos++;
            return new TemplateSequence(items, TextSpan.FromBounds(start, _pos));
        }

        /// <summary>A string at the opening quote: escapes decoded (a surrogate pair's two <c>\u</c> escapes make one character).</summary>
        private TemplateScalar? ParseString()
        {
            var start = _pos;
            _pos++;
            var runStart = _pos;
            var escaped = false;
            _builder.Clear();
            while (true)
            {
                if (_pos >= _s.Length)
                {
                    return null;
                }

                var c = _s[_pos];
                if (c == '"')
                {
                    break;
                }

                if (c < ' ')
                {
                    // RFC 8259: control characters (a line break among them) must be escaped.
                    return null;
                }

                if (c != '\\')
                {
                    _pos++;
                    continue;
                }

                escaped = true;
                _builder.Append(_s, runStart, _pos - runStart);
                if (_pos + 1 >= _s.Length)
                {
                    return null;
                }

                var e = _s[_pos + 1];
                _pos += 2;
                switch (e)
                {
                    case '"':
                    case '\\':
                    case '/':
                        _builder.Append(e);
                        break;
                    case 'b':
                        _builder.Append('\b');
                        break;
                    case 'f':
                        _builder.Append('\f');
                        break;
                    case 'n':
                        _builder.Append('\n');
                        break;
                    case 'r':
                        _builder.Append('\r');
                        break;
                    case 't':
                        _builder.Append('\t');
                        break;
                    case 'u':
                        var code = ReadHex4(_pos);
                        if (code < 0)
                        {
                            return null;
                        }

                        // A high and a low surrogate, each escaped, append as the pair they are; a lone one is kept as is.
                        _builder.Append((char)code);
                        _pos += 4;
                        break;
                    default:
                        return null;
                }

                runStart = _pos;
            }

            string value;
            if (escaped)
            {
                _builder.Append(_s, runStart, _pos - runStart);
                value = _builder.ToString();
            }
            else
            {
                value = _s.Substring(start + 1, _pos - start - 1);
            }

            _pos++;
            return new TemplateScalar(value, TextSpan.FromBounds(start, _pos), isQuoted: true);
        }

        private int ReadHex4(int at)
        {
            if (at + 4 > _s.Length)
            {
                return -1;
            }

            var value = 0;
            for (var i = at; i < at + 4; i++)
            {
                var digit = HexValue(_s[i]);
                if (digit < 0)
                {
                    return -1;
                }

                value = (value << 4) | digit;
            }

            return value;
        }

        private static int HexValue(char c) =>
            c is >= '0' and <= '9' ? c - '0'
            : c is >= 'a' and <= 'f' ? c - 'a' + 10
            : c is >= 'A' and <= 'F' ? c - 'A' + 10
            : -1;

        private TemplateScalar? ParseLiteral(string literal)
        {
            if (string.CompareOrdinal(_s, _pos, literal, 0, literal.Length) != 0)
            {
                return null;
            }

            var start = _pos;
            _pos += literal.Length;
            return new TemplateScalar(literal, new TextSpan(start, literal.Length), isQuoted: false);
        }

        /// <summary>RFC 8259's number: <c>-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?</c>, kept as written.</summary>
        private TemplateScalar? ParseNumber()
        {
            var start = _pos;
            if (Peek() == '-')
            {
                _pos++;
            }

            if (Peek() == '0')
            {
                _pos++;
            }
            else if (!SkipDigits())
            {
                return null;
            }

            if (Peek() == '.')
            {
                _pos++;
                if (!SkipDigits())
                {
                    return null;
                }
            }

            if (Peek() is 'e' or 'E')
            {
                _pos++;
                if (Peek() is '+' or '-')
                {
                    _pos++;
                }

                if (!SkipDigits())
                {
                    return null;
                }
            }

            return new TemplateScalar(_s.Substring(start, _pos - start), TextSpan.FromBounds(start, _pos), isQuoted: false);
        }

        private bool SkipDigits()
        {
            var start = _pos;
            while (Peek() is >= '0' and <= '9')
            {
                _pos++;
            }

            return _pos > start;
        }

        private char Peek() => _pos < _s.Length ? _s[_pos] : '\0';

        /// <summary>Skips white space and comments; false for a <c>/*</c> comment that never ends or a lone <c>/</c>.</summary>
        private bool SkipTrivia()
        {
            while (_pos < _s.Length)
            {
                var c = _s[_pos];
                if (c is ' ' or '\t' or '\n' or '\r')
                {
                    _pos++;
                    continue;
                }

                if (c != '/')
                {
                    return true;
                }

                var next = _pos + 1 < _s.Length ? _s[_pos + 1] : '\0';
                if (next == '/')
                {
                    _pos += 2;
                    while (_pos < _s.Length && _s[_pos] is not ('\n' or '\r'))
                    {
                        _pos++;
                    }
                }
                else if (next == '*')
                {
                    var end = _s.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        return false;
                    }

                    _pos = end + 2;
                }
                else
                {
                    return false;
                }
            }

            return true;
        }
    }
}
