using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace LambdaBestPractices.Analyzers.Model.Deployment;

/// <summary>
/// Reads a YAML CloudFormation/SAM template (<c>template.yaml</c>) into <see cref="TemplateNode"/>s. Hand-written because
/// an analyzer loads inside the compiler with no dependencies, and because the model needs every value's span and the
/// short-form intrinsics in their JSON long form. The subset templates use:
/// <list type="bullet">
/// <item>block mappings and sequences by indentation (<c>- key: value</c> items, a sequence at its key's indentation);</item>
/// <item>plain scalars (folded over lines), single-quoted (<c>''</c>) and double-quoted (backslash escapes) scalars,
/// block scalars (<c>|</c>, <c>&gt;</c>, with chomping and indentation indicators); quoted keys; <c>key:</c> with no value
/// is an empty scalar at the key's end;</item>
/// <item>flow collections (<c>[a, !Ref B]</c>, <c>{ K: v }</c>) over any number of lines; <c>#</c> comments;</item>
/// <item><c>---</c>, <c>...</c> and <c>%</c> directives (only the first document is read); anchors are skipped and an
/// alias is a scalar with its text (<c>*a</c>);</item>
/// <item>CloudFormation's short-form tags as the long form: <c>!Ref X</c> is <c>{ Ref: X }</c>, <c>!Condition X</c> is
/// <c>{ Condition: X }</c>, <c>!GetAtt</c>, <c>!Sub</c>, <c>!If</c>, ... are <c>{ Fn::Name: ... }</c> (a one-entry map spanning
/// the tag and its node, the key spanning the tag); an unknown tag keeps its text as the key (<c>!Foo</c>); a standard tag
/// (<c>!!str</c>) is dropped.</item>
/// </list>
/// Not supported (null): complex keys (<c>?</c>), tabs for indentation, nesting deeper than 64; as in YAML, a plain value
/// with <c>: </c> in it (<c>a: b: c</c>) is an error. Null for text it cannot make sense of; never throws but for
/// cancellation (checked per line and per node).
/// </summary>
internal static class TemplateYaml
{
    private const int MaxDepth = 64;

    /// <summary>The first document's root node, or null when the text is empty or not (this subset of) YAML.</summary>
    public static TemplateNode? Parse(SourceText text, CancellationToken cancellationToken)
    {
        if (text is null)
        {
            return null;
        }

        return new Parser(text.ToString(), cancellationToken).ParseStream();
    }

    /// <summary>
    /// The long form's key for a short-form tag: <c>Ref</c>, <c>Condition</c>, <c>Fn::Name</c> for CloudFormation's
    /// functions, the tag itself for any other local tag; null for a tag that only names a standard type (<c>!!str</c>,
    /// <c>!</c>, <c>!&lt;...&gt;</c>).
    /// </summary>
    private static string? IntrinsicKey(string tag)
    {
        if (tag.Length < 2 || tag[1] is '!' or '<')
        {
            return null;
        }

        return tag switch
        {
            "!Ref" => "Ref",
            "!Condition" => "Condition",
            "!Base64" => "Fn::Base64",
            "!Cidr" => "Fn::Cidr",
            "!FindInMap" => "Fn::FindInMap",
            "!GetAtt" => "Fn::GetAtt",
            "!GetAZs" => "Fn::GetAZs",
            "!ImportValue" => "Fn::ImportValue",
            "!Join" => "Fn::Join",
            "!Select" => "Fn::Select",
            "!Split" => "Fn::Split",
            "!Sub" => "Fn::Sub",
            "!Transform" => "Fn::Transform",
            "!If" => "Fn::If",
            "!Equals" => "Fn::Equals",
            "!Not" => "Fn::Not",
            "!And" => "Fn::And",
            "!Or" => "Fn::Or",
            "!ToJsonString" => "Fn::ToJsonString",
            "!Length" => "Fn::Length",
            "!Contains" => "Fn::Contains",
            "!EachMemberEquals" => "Fn::EachMemberEquals",
            "!EachMemberIn" => "Fn::EachMemberIn",
            "!RefAll" => "Fn::RefAll",
            "!ValueOf" => "Fn::ValueOf",
            "!ValueOfAll" => "Fn::ValueOfAll",
            _ => tag,
        };
    }

    /// <summary>
    /// A recursive-descent reader over the text. The block methods start at a node's first character and return at the
    /// start of the line after it; a failure returns null and sets <see cref="_failed"/> so callers that only peek stop too.
    /// </summary>
    private sealed class Parser
    {
        /// <summary>What <see cref="PeekLine"/> returns at the end of the text or at a document marker.</summary>
        private const int End = -2;

        private readonly string _s;
        private readonly int _textStart;
        private readonly CancellationToken _cancellationToken;
        private readonly StringBuilder _builder = new();
        private int _pos;
        private bool _failed;

        public Parser(string text, CancellationToken cancellationToken)
        {
            _s = text;
            _textStart = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            _cancellationToken = cancellationToken;
        }

        public TemplateNode? ParseStream()
        {
            _pos = _textStart;
            TemplateNode? root;
            var started = false;
            while (true)
            {
                var indent = PeekLine(out var content);
                if (_failed)
                {
                    return null;
                }

                if (indent == End)
                {
                    if (content >= _s.Length || started)
                    {
                        // An empty text, or an empty first document.
                        return null;
                    }

                    _pos = content + 3;
                    if (_s[content] == '.')
                    {
                        SkipRestOfLine();
                        continue;
                    }

                    started = true;
                    SkipSpace();
                    if (AtLineEndOrComment())
                    {
                        SkipRestOfLine();
                        continue;
                    }

                    // Content on the marker's line: "--- |", "--- !Tag", "--- value".
                    root = ParseInlineValue(-1, sameIndentSequence: false, depth: 0);
                    break;
                }

                if (indent == 0 && !started && _s[content] == '%')
                {
                    _pos = content;
                    SkipRestOfLine();
                    continue;
                }

                _pos = content;
                root = ParseBlockAt(indent, -1, 0);
                break;
            }

            if (root is null || _failed)
            {
                return null;
            }

            // Nothing but the end of the text or a document marker may follow (a second document is not read).
            return PeekLine(out _) == End && !_failed ? root : null;
        }

        /// <summary>A block node whose first character is at <see cref="_pos"/>, in column <paramref name="indent"/>.</summary>
        private TemplateNode? ParseBlockAt(int indent, int parentIndent, int depth)
        {
            if (TooDeep(depth))
            {
                return null;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            if (IsSequenceEntry(_pos))
            {
                return ParseSequence(indent, depth + 1);
            }

            if (LooksLikeKey(_pos))
            {
                return ParseMapping(indent, depth + 1);
            }

            return ParseInlineValue(parentIndent, sameIndentSequence: false, depth + 1);
        }

        /// <summary>
        /// The node after a <c>key:</c> or <c>-</c> that ended its line: the next content line if it is indented more than
        /// <paramref name="parentIndent"/> (or, for a mapping's value, a sequence at the key's indentation); else an empty
        /// scalar at <paramref name="emptyAt"/>.
        /// </summary>
        private TemplateNode? ParseBlockValue(int parentIndent, bool sameIndentSequence, int depth, int emptyAt)
        {
            var indent = PeekLine(out var content);
            if (_failed)
            {
                return null;
            }

            if (indent > parentIndent)
            {
                _pos = content;
                return ParseBlockAt(indent, parentIndent, depth);
            }

            if (sameIndentSequence && indent >= 0 && indent == parentIndent && IsSequenceEntry(content))
            {
                _pos = content;
                return ParseSequence(indent, depth + 1);
            }

            return new TemplateScalar(string.Empty, new TextSpan(emptyAt, 0), isQuoted: false);
        }

        private TemplateSequence? ParseSequence(int indent, int depth)
        {
            if (TooDeep(depth))
            {
                return null;
            }

            var start = _pos;
            var end = start;
            var items = new List<TemplateNode>();
            while (true)
            {
                var dash = _pos;
                _pos++;
                SkipSpace();
                TemplateNode? item;
                if (AtLineEndOrComment())
                {
                    SkipRestOfLine();
                    item = ParseBlockValue(indent, sameIndentSequence: false, depth, dash + 1);
                }
                else
                {
                    // "- value", "- key: value" (a mapping at the key's column), "- - nested".
                    item = ParseBlockAt(ColumnOf(_pos), indent, depth);
                }

                if (item is null)
                {
                    return Fail<TemplateSequence>();
                }

                items.Add(item);
                end = Math.Max(end, item.Span.End);
                var next = PeekLine(out var content);
                if (_failed)
                {
                    return null;
                }

                if (next == indent && IsSequenceEntry(content))
                {
                    _pos = content;
                    continue;
                }

                if (next > indent)
                {
                    return Fail<TemplateSequence>();
                }

                return new TemplateSequence(items, TextSpan.FromBounds(start, end));
            }
        }

        private TemplateMap? ParseMapping(int indent, int depth)
        {
            if (TooDeep(depth))
            {
                return null;
            }

            var start = _pos;
            var end = start;
            var entries = new List<KeyValuePair<TemplateScalar, TemplateNode>>();
            while (true)
            {
                var key = ParseKey();
                if (key is null)
                {
                    return Fail<TemplateMap>();
                }

                SkipSpace();
                TemplateNode? value;
                if (AtLineEndOrComment())
                {
                    SkipRestOfLine();
                    value = ParseBlockValue(indent, sameIndentSequence: true, depth, key.Span.End);
                }
                else
                {
                    value = ParseInlineValue(indent, sameIndentSequence: true, depth);
                }

                if (value is null)
                {
                    return Fail<TemplateMap>();
                }

                entries.Add(new KeyValuePair<TemplateScalar, TemplateNode>(key, value));
                end = Math.Max(end, Math.Max(key.Span.End, value.Span.End));
                var next = PeekLine(out var content);
                if (_failed)
                {
                    return null;
                }

                if (next == indent)
                {
                    if (!LooksLikeKey(content))
                    {
                        return Fail<TemplateMap>();
                    }

                    _pos = content;
                    continue;
                }

                if (next > indent)
                {
                    return Fail<TemplateMap>();
                }

                return new TemplateMap(entries, TextSpan.FromBounds(start, end));
            }
        }

        /// <summary>A mapping key at <see cref="_pos"/> (one <see cref="LooksLikeKey"/> accepted), leaving <see cref="_pos"/> after its colon.</summary>
        private TemplateScalar? ParseKey()
        {
            TemplateScalar? key;
            var c = _s[_pos];
            if (c is '"' or '\'')
            {
                key = c == '"' ? ParseDoubleQuoted() : ParseSingleQuoted();
                if (key is null)
                {
                    return null;
                }

                SkipSpace();
            }
            else
            {
                var start = _pos;
                var i = _pos;
                while (i < _s.Length && !IsBreak(_s[i]) && !(_s[i] == ':' && IsSeparator(i + 1)))
                {
                    i++;
                }

                var keyEnd = TrimEnd(start, i);
                key = new TemplateScalar(_s.Substring(start, keyEnd - start), TextSpan.FromBounds(start, keyEnd), isQuoted: false);
                _pos = i;
            }

            if (_pos >= _s.Length || _s[_pos] != ':')
            {
                return null;
            }

            _pos++;
            return key;
        }

        /// <summary>Whether the line at <paramref name="p"/> starts with an implicit key: a plain or quoted scalar, then <c>: </c>.</summary>
        private bool LooksLikeKey(int p)
        {
            if (p >= _s.Length)
            {
                return false;
            }

            var c = _s[p];
            if (c is '"' or '\'')
            {
                var i = p + 1;
                while (true)
                {
                    if (i >= _s.Length || IsBreak(_s[i]))
                    {
                        return false;
                    }

                    if (c == '"' && _s[i] == '\\')
                    {
                        if (i + 1 >= _s.Length || IsBreak(_s[i + 1]))
                        {
                            return false;
                        }

                        i += 2;
                        continue;
                    }

                    if (_s[i] == c)
                    {
                        if (c == '\'' && i + 1 < _s.Length && _s[i + 1] == '\'')
                        {
                            i += 2;
                            continue;
                        }

                        break;
                    }

                    i++;
                }

                i++;
                while (i < _s.Length && IsSpace(_s[i]))
                {
                    i++;
                }

                return i < _s.Length && _s[i] == ':' && IsSeparator(i + 1);
            }

            if (c is ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '%' or '@' or '`'
                || (c is '-' or '?' or ':' && IsSeparator(p + 1)))
            {
                return false;
            }

            for (var i = p; i < _s.Length && !IsBreak(_s[i]); i++)
            {
                if (_s[i] == ':' && IsSeparator(i + 1))
                {
                    return true;
                }

                if (_s[i] == '#' && IsSpace(_s[i - 1]))
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>
        /// A node that starts on the current line after a <c>key:</c>, a <c>-</c> or at the root: its properties (tag,
        /// anchor), then a scalar or flow collection ending the line, a block scalar, or (properties alone on the line) a
        /// block node on the following lines. Continuation lines must be indented more than <paramref name="parentIndent"/>.
        /// </summary>
        private TemplateNode? ParseInlineValue(int parentIndent, bool sameIndentSequence, int depth)
        {
            if (TooDeep(depth))
            {
                return null;
            }

            string? tag = null;
            var tagSpan = default(TextSpan);
            var propertiesEnd = _pos;
            while (_pos < _s.Length && _s[_pos] is '!' or '&')
            {
                var start = _pos;
                _pos = SkipProperty(_pos, flow: false);
                if (_s[start] == '!')
                {
                    if (tag is not null)
                    {
                        return Fail<TemplateNode>();
                    }

                    tag = _s.Substring(start, _pos - start);
                    tagSpan = TextSpan.FromBounds(start, _pos);
                }

                propertiesEnd = _pos;
                SkipSpace();
            }

            TemplateNode? node;
            if (AtLineEndOrComment())
            {
                SkipRestOfLine();
                node = ParseBlockValue(parentIndent, sameIndentSequence, depth, propertiesEnd);
            }
            else
            {
                var c = _s[_pos];
                if (c is '|' or '>')
                {
                    node = ParseBlockScalar(parentIndent);
                }
                else
                {
                    if (c is '"')
                    {
                        node = ParseDoubleQuoted();
                    }
                    else if (c is '\'')
                    {
                        node = ParseSingleQuoted();
                    }
                    else if (c is '[' or '{')
                    {
                        node = ParseFlowCollection(depth + 1);
                    }
                    else if (c is '*')
                    {
                        node = ParseAlias(flow: false);
                    }
                    else if (c is '-' or '?' or ':' && IsSeparator(_pos + 1))
                    {
                        // "key: - a" or a complex key: not this subset.
                        node = null;
                    }
                    else
                    {
                        node = ParsePlain(parentIndent, flow: false);
                    }

                    if (node is not null && !FinishLine())
                    {
                        node = null;
                    }
                }
            }

            if (node is null)
            {
                return Fail<TemplateNode>();
            }

            return ApplyTag(tag, tagSpan, node);
        }

        private static TemplateNode ApplyTag(string? tag, TextSpan tagSpan, TemplateNode node)
        {
            var key = tag is null ? null : IntrinsicKey(tag);
            if (key is null)
            {
                return node;
            }

            var entry = new KeyValuePair<TemplateScalar, TemplateNode>(new TemplateScalar(key, tagSpan, isQuoted: false), node);
            return new TemplateMap(new[] { entry }, TextSpan.FromBounds(tagSpan.Start, Math.Max(tagSpan.End, node.Span.End)));
        }

        /// <summary>
        /// A plain scalar at <see cref="_pos"/>: up to <c>: </c>, <c> #</c> or the line's end (in a flow collection also a
        /// flow indicator), then the lines after it that continue it (in a block, those indented more than
        /// <paramref name="parentIndent"/>), folded: one line break is a space, each empty line a line feed.
        /// </summary>
        private TemplateScalar ParsePlain(int parentIndent, bool flow)
        {
            var start = _pos;
            _pos = ScanPlain(start, flow, out var firstEnd);
            var end = firstEnd;
            var folded = false;
            while (_pos < _s.Length && IsBreak(_s[_pos]))
            {
                var content = NextContinuation(_pos, parentIndent, flow, out var breaks);
                if (content < 0)
                {
                    break;
                }

                var stop = ScanPlain(content, flow, out var lineEnd);
                if (lineEnd == content)
                {
                    break;
                }

                if (!folded)
                {
                    _builder.Clear();
                    _builder.Append(_s, start, firstEnd - start);
                    folded = true;
                }

                if (breaks == 1)
                {
                    _builder.Append(' ');
                }
                else
                {
                    _builder.Append('\n', breaks - 1);
                }

                _builder.Append(_s, content, lineEnd - content);
                end = lineEnd;
                _pos = stop;
            }

            var value = folded ? _builder.ToString() : _s.Substring(start, firstEnd - start);
            return new TemplateScalar(value, TextSpan.FromBounds(start, end), isQuoted: false);
        }

        /// <summary>
        /// From the line break at <paramref name="i"/>, past empty lines, the first character of a line that may continue a
        /// plain scalar (<paramref name="breaks"/> line breaks away), or -1: the text ends, a comment, or (in a block) a line
        /// not indented more than <paramref name="parentIndent"/> or a document marker.
        /// </summary>
        private int NextContinuation(int i, int parentIndent, bool flow, out int breaks)
        {
            breaks = 0;
            while (true)
            {
                i = SkipBreak(i);
                breaks++;
                var lineStart = i;
                while (i < _s.Length && _s[i] == ' ')
                {
                    i++;
                }

                var indent = i - lineStart;
                while (i < _s.Length && IsSpace(_s[i]))
                {
                    i++;
                }

                if (i >= _s.Length)
                {
                    return -1;
                }

                if (IsBreak(_s[i]))
                {
                    continue;
                }

                _cancellationToken.ThrowIfCancellationRequested();
                if (_s[i] == '#' || (!flow && (indent <= parentIndent || (indent == 0 && IsDocumentMarker(lineStart)))))
                {
                    return -1;
                }

                return i;
            }
        }

        /// <summary>One line of a plain scalar from <paramref name="start"/>: where it stops, and the end of its text without trailing white space.</summary>
        private int ScanPlain(int start, bool flow, out int textEnd)
        {
            var i = start;
            while (i < _s.Length)
            {
                var c = _s[i];
                if (IsBreak(c)
                    || (c == ':' && (IsSeparator(i + 1) || (flow && IsFlowIndicator(_s[i + 1]))))
                    || (c == '#' && i > start && IsSpace(_s[i - 1]))
                    || (flow && IsFlowIndicator(c)))
                {
                    break;
                }

                i++;
            }

            textEnd = TrimEnd(start, i);
            return i;
        }

        private TemplateScalar ParseAlias(bool flow)
        {
            var start = _pos;
            _pos = SkipProperty(_pos, flow);
            return new TemplateScalar(_s.Substring(start, _pos - start), TextSpan.FromBounds(start, _pos), isQuoted: false);
        }

        /// <summary>A tag, anchor or alias at <paramref name="start"/>: its end (the next white space, or flow indicator in a flow collection).</summary>
        private int SkipProperty(int start, bool flow)
        {
            var i = start + 1;
            while (i < _s.Length && !IsSpace(_s[i]) && !IsBreak(_s[i]) && !(flow && IsFlowIndicator(_s[i])))
            {
                i++;
            }

            return i;
        }

        private TemplateScalar? ParseDoubleQuoted()
        {
            var start = _pos;
            _pos++;
            _builder.Clear();
            var keep = 0;
            while (true)
            {
                if (_pos >= _s.Length)
                {
                    return null;
                }

                var c = _s[_pos];
                if (c == '"')
                {
                    _pos++;
                    break;
                }

                if (IsBreak(c))
                {
                    if (!FoldQuotedBreak(ref keep))
                    {
                        return null;
                    }

                    continue;
                }

                if (c != '\\')
                {
                    _builder.Append(c);
                    _pos++;
                    if (!IsSpace(c))
                    {
                        keep = _builder.Length;
                    }

                    continue;
                }

                if (_pos + 1 >= _s.Length)
                {
                    return null;
                }

                var e = _s[_pos + 1];
                if (IsBreak(e))
                {
                    // An escaped line break: the lines join with nothing between them, white space before it kept.
                    _pos = SkipBreak(_pos + 1);
                    SkipSpace();
                    keep = _builder.Length;
                    continue;
                }

                _pos += 2;
                if (!AppendEscape(e))
                {
                    return null;
                }

                keep = _builder.Length;
            }

            return new TemplateScalar(_builder.ToString(), TextSpan.FromBounds(start, _pos), isQuoted: true);
        }

        private TemplateScalar? ParseSingleQuoted()
        {
            var start = _pos;
            _pos++;
            _builder.Clear();
            var keep = 0;
            while (true)
            {
                if (_pos >= _s.Length)
                {
                    return null;
                }

                var c = _s[_pos];
                if (c == '\'')
                {
                    if (_pos + 1 < _s.Length && _s[_pos + 1] == '\'')
                    {
                        _builder.Append('\'');
                        keep = _builder.Length;
                        _pos += 2;
                        continue;
                    }

                    _pos++;
                    break;
                }

                if (IsBreak(c))
                {
                    if (!FoldQuotedBreak(ref keep))
                    {
                        return null;
                    }

                    continue;
                }

                _builder.Append(c);
                _pos++;
                if (!IsSpace(c))
                {
                    keep = _builder.Length;
                }
            }

            return new TemplateScalar(_builder.ToString(), TextSpan.FromBounds(start, _pos), isQuoted: true);
        }

        /// <summary>
        /// A line break inside quotes: the line's trailing white space and the next line's leading white space go, the
        /// break becomes a space, or a line feed per empty line. False when the text ends first.
        /// </summary>
        private bool FoldQuotedBreak(ref int keep)
        {
            _builder.Length = keep;
            var empty = 0;
            _pos = SkipBreak(_pos);
            while (true)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                SkipSpace();
                if (_pos >= _s.Length)
                {
                    return false;
                }

                if (!IsBreak(_s[_pos]))
                {
                    break;
                }

                empty++;
                _pos = SkipBreak(_pos);
            }

            if (empty == 0)
            {
                _builder.Append(' ');
            }
            else
            {
                _builder.Append('\n', empty);
            }

            keep = _builder.Length;
            return true;
        }

        /// <summary>Appends the character a double-quoted escape <c>\e</c> stands for (its hex digits at <see cref="_pos"/>); false for an unknown escape.</summary>
        private bool AppendEscape(char e)
        {
            char? simple = e switch
            {
                '0' => '\0',
                'a' => '\a',
                'b' => '\b',
                't' or '\t' => '\t',
                'n' => '\n',
                'v' => '\v',
                'f' => '\f',
                'r' => '\r',
                'e' => '\u001B',
                ' ' or '"' or '/' or '\\' => e,
                'N' => '\u0085',
                '_' => '\u00A0',
                'L' => '\u2028',
                'P' => '\u2029',
                _ => null,
            };
            if (simple is { } c)
            {
                _builder.Append(c);
                return true;
            }

            return e switch
            {
                'x' => AppendCodePoint(2),
                'u' => AppendCodePoint(4),
                'U' => AppendCodePoint(8),
                _ => false,
            };
        }

        private bool AppendCodePoint(int digits)
        {
            if (_pos + digits > _s.Length)
            {
                return false;
            }

            long value = 0;
            for (var i = 0; i < digits; i++)
            {
                var digit = HexValue(_s[_pos + i]);
                if (digit < 0)
                {
                    return false;
                }

                value = (value << 4) | (uint)digit;
            }

            _pos += digits;
            if (digits < 8)
            {
                // \uXXXX: one UTF-16 unit (two escapes make a surrogate pair).
                _builder.Append((char)value);
                return true;
            }

            if (value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
            {
                return false;
            }

            if (value < 0x10000)
            {
                _builder.Append((char)value);
            }
            else
            {
                value -= 0x10000;
                _builder.Append((char)(0xD800 + (value >> 10)));
                _builder.Append((char)(0xDC00 + (value & 0x3FF)));
            }

            return true;
        }

        private static int HexValue(char c) =>
            c is >= '0' and <= '9' ? c - '0'
            : c is >= 'a' and <= 'f' ? c - 'a' + 10
            : c is >= 'A' and <= 'F' ? c - 'A' + 10
            : -1;

        /// <summary>
        /// A block scalar at its indicator (<c>|</c> literal, <c>&gt;</c> folded; then <c>-</c>/<c>+</c> chomping and an
        /// indentation digit in either order): the lines indented more than <paramref name="parentIndent"/> after it. The span
        /// runs from the indicator to the end of the last content line.
        /// </summary>
        private TemplateScalar? ParseBlockScalar(int parentIndent)
        {
            var start = _pos;
            var literal = _s[_pos] == '|';
            _pos++;
            var chomp = 0;
            var increment = 0;
            for (var n = 0; n < 2 && _pos < _s.Length; n++)
            {
                var c = _s[_pos];
                if (c is '-' or '+' && chomp == 0)
                {
                    chomp = c == '-' ? -1 : 1;
                }
                else if (c is >= '1' and <= '9' && increment == 0)
                {
                    increment = c - '0';
                }
                else
                {
                    break;
                }

                _pos++;
            }

            var end = _pos;
            if (!FinishLine())
            {
                return null;
            }

            var minIndent = parentIndent + 1;
            var indent = increment > 0 ? Math.Max(parentIndent, 0) + increment : -1;
            var pendingBreaks = 0;
            var lines = 0;
            var lastMoreIndented = false;
            var lastHadBreak = false;
            _builder.Clear();
            while (_pos < _s.Length)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var lineStart = _pos;
                var i = lineStart;
                while (i < _s.Length && _s[i] == ' ')
                {
                    i++;
                }

                var spaces = i - lineStart;
                var lineEnd = LineEnd(i);
                var blank = true;
                for (var k = i; k < lineEnd; k++)
                {
                    if (!IsSpace(_s[k]))
                    {
                        blank = false;
                        break;
                    }
                }

                if (blank && (indent < 0 || spaces <= indent))
                {
                    pendingBreaks++;
                    _pos = SkipBreak(lineEnd);
                    continue;
                }

                if (indent < 0)
                {
                    if (spaces < minIndent)
                    {
                        break;
                    }

                    indent = spaces;
                }

                if (spaces < indent || (spaces == 0 && IsDocumentMarker(lineStart)))
                {
                    break;
                }

                var textStart = lineStart + indent;
                var moreIndented = textStart < lineEnd && IsSpace(_s[textStart]);
                if (lines == 0)
                {
                    _builder.Append('\n', pendingBreaks);
                }
                else if (literal || moreIndented || lastMoreIndented)
                {
                    _builder.Append('\n', pendingBreaks + 1);
                }
                else if (pendingBreaks == 0)
                {
                    _builder.Append(' ');
                }
                else
                {
                    _builder.Append('\n', pendingBreaks);
                }

                _builder.Append(_s, textStart, lineEnd - textStart);
                lines++;
                pendingBreaks = 0;
                lastMoreIndented = moreIndented;
                lastHadBreak = lineEnd < _s.Length;
                end = lineEnd;
                _pos = SkipBreak(lineEnd);
            }

            if (lines > 0 && chomp >= 0 && lastHadBreak)
            {
                _builder.Append('\n');
            }

            if (chomp > 0)
            {
                // Keep: the trailing empty lines too.
                _builder.Append('\n', pendingBreaks);
            }

            return new TemplateScalar(_builder.ToString(), TextSpan.FromBounds(start, end), isQuoted: true);
        }

        /// <summary>A flow sequence or mapping at its bracket, over any number of lines (indentation is not checked inside).</summary>
        private TemplateNode? ParseFlowCollection(int depth)
        {
            if (TooDeep(depth))
            {
                return null;
            }

            var start = _pos;
            var isSequence = _s[_pos] == '[';
            var close = isSequence ? ']' : '}';
            _pos++;
            var items = isSequence ? new List<TemplateNode>() : null;
            var entries = isSequence ? null : new List<KeyValuePair<TemplateScalar, TemplateNode>>();
            var first = true;
            while (true)
            {
                if (!SkipFlowSpace())
                {
                    return Fail<TemplateNode>();
                }

                if (_s[_pos] == close)
                {
                    break;
                }

                if (!first)
                {
                    if (_s[_pos] != ',')
                    {
                        return Fail<TemplateNode>();
                    }

                    _pos++;
                    if (!SkipFlowSpace())
                    {
                        return Fail<TemplateNode>();
                    }

                    if (_s[_pos] == close)
                    {
                        // A trailing comma.
                        break;
                    }
                }

                first = false;
                if (_s[_pos] == '?' && IsFlowSeparator(_pos + 1))
                {
                    _pos++;
                    if (!SkipFlowSpace())
                    {
                        return Fail<TemplateNode>();
                    }
                }

                var node = ParseFlowNode(depth);
                if (node is null || !SkipFlowSpace())
                {
                    return Fail<TemplateNode>();
                }

                if (_s[_pos] == ':')
                {
                    // "key: value" (in a sequence: a one-entry mapping).
                    _pos++;
                    if (node is not TemplateScalar key || !SkipFlowSpace())
                    {
                        return Fail<TemplateNode>();
                    }

                    var value = _s[_pos] == ',' || _s[_pos] == close
                        ? new TemplateScalar(string.Empty, new TextSpan(key.Span.End, 0), isQuoted: false)
                        : ParseFlowNode(depth);
                    if (value is null)
                    {
                        return Fail<TemplateNode>();
                    }

                    var entry = new KeyValuePair<TemplateScalar, TemplateNode>(key, value);
                    if (items is not null)
                    {
                        items.Add(new TemplateMap(new[] { entry }, TextSpan.FromBounds(key.Span.Start, Math.Max(key.Span.End, value.Span.End))));
                    }
                    else
                    {
                        entries!.Add(entry);
                    }
                }
                else if (items is not null)
                {
                    items.Add(node);
                }
                else if (node is TemplateScalar key)
                {
                    // "{ a, b }": keys with empty values.
                    entries!.Add(new KeyValuePair<TemplateScalar, TemplateNode>(key, new TemplateScalar(string.Empty, new TextSpan(key.Span.End, 0), isQuoted: false)));
                }
                else
                {
                    return Fail<TemplateNode>();
                }
            }

            _pos++;
            var span = TextSpan.FromBounds(start, _pos);
            return items is not null ? new TemplateSequence(items, span) : new TemplateMap(entries!, span);
        }

        private TemplateNode? ParseFlowNode(int depth)
        {
            if (TooDeep(depth))
            {
                return null;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            string? tag = null;
            var tagSpan = default(TextSpan);
            var propertiesEnd = -1;
            while (_s[_pos] is '!' or '&')
            {
                var start = _pos;
                _pos = SkipProperty(_pos, flow: true);
                if (_s[start] == '!')
                {
                    if (tag is not null)
                    {
                        return Fail<TemplateNode>();
                    }

                    tag = _s.Substring(start, _pos - start);
                    tagSpan = TextSpan.FromBounds(start, _pos);
                }

                propertiesEnd = _pos;
                if (!SkipFlowSpace())
                {
                    return Fail<TemplateNode>();
                }
            }

            var c = _s[_pos];
            TemplateNode? node;
            if (IsFlowIndicator(c) && c is not ('[' or '{') || (c == ':' && IsFlowSeparator(_pos + 1)))
            {
                // Nothing but properties: an empty node ("[!Ref , x]"); with no properties either, an error.
                node = propertiesEnd < 0 ? null : new TemplateScalar(string.Empty, new TextSpan(propertiesEnd, 0), isQuoted: false);
            }
            else if (c is '[' or '{')
            {
                node = ParseFlowCollection(depth + 1);
            }
            else if (c is '"')
            {
                node = ParseDoubleQuoted();
            }
            else if (c is '\'')
            {
                node = ParseSingleQuoted();
            }
            else if (c is '*')
            {
                node = ParseAlias(flow: true);
            }
            else
            {
                node = ParsePlain(-1, flow: true);
            }

            if (node is null)
            {
                return Fail<TemplateNode>();
            }

            return ApplyTag(tag, tagSpan, node);
        }

        /// <summary>Skips white space, line breaks and comments inside a flow collection; false at the end of the text.</summary>
        private bool SkipFlowSpace()
        {
            while (_pos < _s.Length)
            {
                var c = _s[_pos];
                if (IsSpace(c))
                {
                    _pos++;
                }
                else if (IsBreak(c))
                {
                    _cancellationToken.ThrowIfCancellationRequested();
                    _pos = SkipBreak(_pos);
                }
                else if (c == '#')
                {
                    _pos = LineEnd(_pos);
                }
                else
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// From <see cref="_pos"/> at a line's start, skips empty and comment lines: the next content line's indentation
        /// (<see cref="_pos"/> at that line's start, <paramref name="content"/> at its first character), or
        /// <see cref="End"/> at the end of the text or at a document marker (<paramref name="content"/> at it). A tab in the
        /// indentation fails.
        /// </summary>
        private int PeekLine(out int content)
        {
            while (true)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var i = _pos;
                while (i < _s.Length && _s[i] == ' ')
                {
                    i++;
                }

                var first = i;
                while (first < _s.Length && IsSpace(_s[first]))
                {
                    first++;
                }

                if (first >= _s.Length)
                {
                    _pos = _s.Length;
                    content = _s.Length;
                    return End;
                }

                if (IsBreak(_s[first]))
                {
                    _pos = SkipBreak(first);
                    continue;
                }

                if (_s[first] == '#')
                {
                    _pos = SkipBreak(LineEnd(first));
                    continue;
                }

                content = first;
                if (first != i)
                {
                    _failed = true;
                    return End;
                }

                if (i == _pos && IsDocumentMarker(i))
                {
                    return End;
                }

                return i - _pos;
            }
        }

        private bool IsDocumentMarker(int i) =>
            i + 3 <= _s.Length
            && ((_s[i] == '-' && _s[i + 1] == '-' && _s[i + 2] == '-') || (_s[i] == '.' && _s[i + 1] == '.' && _s[i + 2] == '.'))
            && IsSeparator(i + 3);

        private bool IsSequenceEntry(int i) => i < _s.Length && _s[i] == '-' && IsSeparator(i + 1);

        /// <summary>After the value on a line: white space and a comment, then the line's end (consumed). False for anything else.</summary>
        private bool FinishLine()
        {
            SkipSpace();
            if (_pos < _s.Length && _s[_pos] == '#')
            {
                _pos = LineEnd(_pos);
            }

            if (_pos < _s.Length && !IsBreak(_s[_pos]))
            {
                return false;
            }

            _pos = SkipBreak(_pos);
            return true;
        }

        private bool AtLineEndOrComment() => _pos >= _s.Length || IsBreak(_s[_pos]) || _s[_pos] == '#';

        private void SkipRestOfLine() => _pos = SkipBreak(LineEnd(_pos));

        private void SkipSpace()
        {
            while (_pos < _s.Length && IsSpace(_s[_pos]))
            {
                _pos++;
            }
        }

        private int LineEnd(int i)
        {
            while (i < _s.Length && !IsBreak(_s[i]))
            {
                i++;
            }

            return i;
        }

        /// <summary>Past the line break at <paramref name="i"/> (<c>\n</c>, <c>\r\n</c> or <c>\r</c>); <paramref name="i"/> when there is none.</summary>
        private int SkipBreak(int i)
        {
            if (i < _s.Length && _s[i] == '\r')
            {
                i++;
                if (i < _s.Length && _s[i] == '\n')
                {
                    i++;
                }
            }
            else if (i < _s.Length && _s[i] == '\n')
            {
                i++;
            }

            return i;
        }

        private int ColumnOf(int i)
        {
            var lineStart = i;
            while (lineStart > _textStart && !IsBreak(_s[lineStart - 1]))
            {
                lineStart--;
            }

            return i - lineStart;
        }

        private int TrimEnd(int start, int end)
        {
            while (end > start && IsSpace(_s[end - 1]))
            {
                end--;
            }

            return end;
        }

        /// <summary>White space, a line break or the end of the text at <paramref name="i"/>: what makes <c>:</c>, <c>-</c> an indicator.</summary>
        private bool IsSeparator(int i) => i >= _s.Length || IsSpace(_s[i]) || IsBreak(_s[i]);

        private bool IsFlowSeparator(int i) => IsSeparator(i) || IsFlowIndicator(_s[i]);

        private bool TooDeep(int depth)
        {
            if (depth > MaxDepth)
            {
                _failed = true;
                return true;
            }

            return false;
        }

        private T? Fail<T>()
            where T : class
        {
            _failed = true;
            return null;
        }

        private static bool IsSpace(char c) => c is ' ' or '\t';

        private static bool IsBreak(char c) => c is '\n' or '\r';

        private static bool IsFlowIndicator(char c) => c is ',' or '[' or ']' or '{' or '}';
    }
}
