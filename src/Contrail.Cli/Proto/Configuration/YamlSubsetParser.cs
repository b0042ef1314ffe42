using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Contrail.Cli.Proto.Configuration;

/// <summary>
/// A small, strict reader for the YAML subset buf.yaml files use: block maps and lists, flow lists and
/// maps (<c>[a, b]</c>, <c>{}</c>, over several lines if need be), plain, single- and double-quoted
/// scalars, and comments. Anything else (anchors, aliases, tags, block scalars, several documents) is an
/// error with its line and column rather than a silent misreading.
/// </summary>
internal sealed class YamlSubsetParser
{
    private readonly string _path;
    private readonly List<SourceLine> _lines;
    private int _index;

    private YamlSubsetParser(string path, List<SourceLine> lines)
    {
        _path = path;
        _lines = lines;
    }

    /// <summary>Parses a document; an empty document is an empty map.</summary>
    /// <exception cref="BufYamlException">The text is not in the subset.</exception>
    public static YamlNode Parse(string text, string path)
    {
        var parser = new YamlSubsetParser(path, Split(text, path));
        if (parser._lines.Count == 0)
        {
            return YamlNode.Mapping(1, 1);
        }

        var first = parser._lines[0];
        if (first.Indent != 0)
        {
            throw new BufYamlException(path, first.Number, first.Indent + 1, "the document must start at column 1");
        }

        var root = parser.ParseNode(0);
        if (parser._index < parser._lines.Count)
        {
            var extra = parser._lines[parser._index];
            throw parser.Error(extra, 0, "unexpected content (check the indentation)");
        }

        return root;
    }

    private static List<SourceLine> Split(string text, string path)
    {
        var result = new List<SourceLine>();
        var rawLines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        for (var i = 0; i < rawLines.Length; i++)
        {
            var raw = i == 0 && rawLines[i].Length > 0 && rawLines[i][0] == '\uFEFF' ? rawLines[i].Substring(1) : rawLines[i];
            var content = StripComment(raw).TrimEnd(' ', '\t');
            var indent = 0;
            while (indent < content.Length && content[indent] == ' ')
            {
                indent++;
            }

            if (indent < content.Length && content[indent] == '\t')
            {
                throw new BufYamlException(path, i + 1, indent + 1, "tabs are not allowed for indentation in YAML");
            }

            var body = content.Substring(indent);
            if (body.Length == 0)
            {
                continue;
            }

            if (indent == 0 && (body == "---" || body.StartsWith("--- ", StringComparison.Ordinal)))
            {
                if (result.Count > 0)
                {
                    throw new BufYamlException(path, i + 1, 1, "a buf.yaml holds one YAML document");
                }

                continue;
            }

            if (indent == 0 && body == "...")
            {
                break;
            }

            if (body[0] == '%')
            {
                throw new BufYamlException(path, i + 1, 1, "YAML directives are not supported");
            }

            result.Add(new SourceLine(i + 1, indent, body));
        }

        return result;
    }

    private static string StripComment(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote == '"')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            if ((c == '"' || c == '\'') && (i == 0 || " \t[{,:-".IndexOf(line[i - 1]) >= 0))
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t'))
            {
                return line.Substring(0, i);
            }
        }

        return line;
    }

    private YamlNode ParseNode(int indent)
    {
        var line = _lines[_index];
        if (IsSequenceItem(line.Text))
        {
            return ParseSequence(indent);
        }

        if (FindMappingColon(line.Text) >= 0)
        {
            return ParseMapping(indent);
        }

        var value = ParseInline(line, 0);
        return value;
    }

    private YamlNode ParseMapping(int indent)
    {
        var first = _lines[_index];
        var mapping = YamlNode.Mapping(first.Number, first.Indent + 1);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (_index < _lines.Count && _lines[_index].Indent == indent)
        {
            var line = _lines[_index];
            if (IsSequenceItem(line.Text))
            {
                throw Error(line, 0, "expected a key, found a list item (check the indentation)");
            }

            var colon = FindMappingColon(line.Text);
            if (colon < 0)
            {
                throw Error(line, 0, "expected 'key: value'");
            }

            var key = ParseKey(line, colon);
            if (!keys.Add(key.Value ?? string.Empty))
            {
                throw Error(line, 0, $"duplicate key '{key.Value}'");
            }

            var restStart = colon + 1;
            while (restStart < line.Text.Length && line.Text[restStart] == ' ')
            {
                restStart++;
            }

            YamlNode value;
            if (restStart < line.Text.Length)
            {
                value = ParseInline(line, restStart);
            }
            else
            {
                _index++;
                if (_index < _lines.Count && (_lines[_index].Indent > indent || (_lines[_index].Indent == indent && IsSequenceItem(_lines[_index].Text))))
                {
                    value = ParseNode(_lines[_index].Indent);
                }
                else
                {
                    value = YamlNode.Scalar(null, false, line.Number, line.Indent + colon + 2);
                }
            }

            mapping.Entries.Add(new KeyValuePair<YamlNode, YamlNode>(key, value));
            if (_index < _lines.Count && _lines[_index].Indent > indent)
            {
                throw Error(_lines[_index], 0, "unexpected indentation");
            }
        }

        return mapping;
    }

    private YamlNode ParseSequence(int indent)
    {
        var first = _lines[_index];
        var sequence = YamlNode.Sequence(first.Number, first.Indent + 1);
        while (_index < _lines.Count && _lines[_index].Indent == indent && IsSequenceItem(_lines[_index].Text))
        {
            var line = _lines[_index];
            var contentStart = 1;
            while (contentStart < line.Text.Length && line.Text[contentStart] == ' ')
            {
                contentStart++;
            }

            if (contentStart >= line.Text.Length)
            {
                _index++;
                sequence.Items.Add(_index < _lines.Count && _lines[_index].Indent > indent
                    ? ParseNode(_lines[_index].Indent)
                    : YamlNode.Scalar(null, false, line.Number, line.Indent + 2));
            }
            else
            {
                // "- key: value" starts a map (or "- - x" a list) whose column is that of its content:
                // the line is read again as if the dash were a space.
                _lines[_index] = new SourceLine(line.Number, line.Indent + contentStart, line.Text.Substring(contentStart));
                sequence.Items.Add(ParseNode(line.Indent + contentStart));
            }

            if (_index < _lines.Count && _lines[_index].Indent > indent)
            {
                throw Error(_lines[_index], 0, "unexpected indentation");
            }
        }

        return sequence;
    }

    private YamlNode ParseKey(SourceLine line, int colon)
    {
        var text = line.Text.Substring(0, colon).TrimEnd(' ');
        if (text.Length == 0)
        {
            throw Error(line, 0, "a key is empty");
        }

        if (text[0] == '"' || text[0] == '\'')
        {
            var position = 0;
            var key = ReadQuoted(line, ref position);
            if (position != text.Length)
            {
                throw Error(line, position, "unexpected text after the quoted key");
            }

            return key;
        }

        CheckPlainStart(line, 0);
        if (text[0] == '[' || text[0] == '{' || text[0] == '?')
        {
            throw Error(line, 0, "complex keys are not supported");
        }

        return YamlNode.Scalar(text, false, line.Number, line.Indent + 1);
    }

    private YamlNode ParseInline(SourceLine line, int start)
    {
        var text = line.Text;
        var c = text[start];
        YamlNode value;
        int end;
        if (c == '[' || c == '{')
        {
            var cursor = new FlowCursor(_index, start);
            value = ParseFlow(ref cursor);
            SkipFlowSpace(ref cursor, allowNewLines: false);
            if (cursor.Line != _index && cursor.Column < _lines[cursor.Line].Text.Length)
            {
                throw Error(_lines[cursor.Line], cursor.Column, "unexpected text after the closing bracket");
            }

            if (cursor.Line == _index && cursor.Column < text.Length)
            {
                throw Error(line, cursor.Column, "unexpected text after the closing bracket");
            }

            _index = cursor.Line + 1;
            return value;
        }

        if (c == '"' || c == '\'')
        {
            end = start;
            value = ReadQuoted(line, ref end);
            if (end < text.Length)
            {
                throw Error(line, end, "unexpected text after the quoted value");
            }

            _index++;
            return value;
        }

        CheckPlainStart(line, start);
        var plain = text.Substring(start).Trim();
        var colon = plain.IndexOf(": ", StringComparison.Ordinal);
        if (colon >= 0 || plain.EndsWith(":", StringComparison.Ordinal))
        {
            throw Error(line, start + (colon >= 0 ? colon : plain.Length - 1), "unexpected ':' in a value (quote the value, or put a nested map on its own lines)");
        }

        _index++;
        if (_index < _lines.Count && _lines[_index].Indent > line.Indent && !IsSequenceItem(_lines[_index].Text) && FindMappingColon(_lines[_index].Text) < 0)
        {
            throw Error(_lines[_index], 0, "multi-line plain values are not supported (write the value on one line)");
        }

        return PlainScalar(plain, line.Number, line.Indent + start + 1);
    }

    private void CheckPlainStart(SourceLine line, int start)
    {
        switch (line.Text[start])
        {
            case '&':
            case '*':
            case '!':
                throw Error(line, start, "anchors, aliases and tags are not supported in buf.yaml");
            case '|':
            case '>':
                throw Error(line, start, "block scalars ('|', '>') are not supported in buf.yaml");
            case '@':
            case '`':
                throw Error(line, start, $"a plain value cannot start with '{line.Text[start]}' (quote it)");
        }
    }

    private YamlNode ParseFlow(ref FlowCursor cursor)
    {
        SkipFlowSpace(ref cursor, allowNewLines: true);
        if (cursor.Line >= _lines.Count)
        {
            var last = _lines[_lines.Count - 1];
            throw Error(last, last.Text.Length, "the file ends inside a flow list or map");
        }

        var line = _lines[cursor.Line];
        var c = line.Text[cursor.Column];
        if (c == '[')
        {
            var sequence = YamlNode.Sequence(line.Number, line.Indent + cursor.Column + 1);
            cursor.Column++;
            while (true)
            {
                SkipFlowSpace(ref cursor, allowNewLines: true);
                RequireMore(cursor, "']'");
                if (Current(cursor) == ']')
                {
                    cursor.Column++;
                    return sequence;
                }

                sequence.Items.Add(ParseFlow(ref cursor));
                SkipFlowSpace(ref cursor, allowNewLines: true);
                RequireMore(cursor, "']'");
                if (Current(cursor) == ',')
                {
                    cursor.Column++;
                }
                else if (Current(cursor) != ']')
                {
                    throw Error(_lines[cursor.Line], cursor.Column, "expected ',' or ']'");
                }
            }
        }

        if (c == '{')
        {
            var mapping = YamlNode.Mapping(line.Number, line.Indent + cursor.Column + 1);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            cursor.Column++;
            while (true)
            {
                SkipFlowSpace(ref cursor, allowNewLines: true);
                RequireMore(cursor, "'}'");
                if (Current(cursor) == '}')
                {
                    cursor.Column++;
                    return mapping;
                }

                var keyLine = _lines[cursor.Line];
                var keyColumn = cursor.Column;
                var key = ParseFlowScalar(ref cursor, isKey: true);
                if (key.Kind != YamlNodeKind.Scalar || !keys.Add(key.Value ?? string.Empty))
                {
                    throw Error(keyLine, keyColumn, $"duplicate key '{key.Value}'");
                }

                SkipFlowSpace(ref cursor, allowNewLines: true);
                RequireMore(cursor, "'}'");
                if (Current(cursor) != ':')
                {
                    throw Error(_lines[cursor.Line], cursor.Column, "expected ':' after a key");
                }

                cursor.Column++;
                SkipFlowSpace(ref cursor, allowNewLines: true);
                RequireMore(cursor, "'}'");
                var value = Current(cursor) is ',' or '}'
                    ? YamlNode.Scalar(null, false, _lines[cursor.Line].Number, _lines[cursor.Line].Indent + cursor.Column + 1)
                    : ParseFlow(ref cursor);
                mapping.Entries.Add(new KeyValuePair<YamlNode, YamlNode>(key, value));
                SkipFlowSpace(ref cursor, allowNewLines: true);
                RequireMore(cursor, "'}'");
                if (Current(cursor) == ',')
                {
                    cursor.Column++;
                }
                else if (Current(cursor) != '}')
                {
                    throw Error(_lines[cursor.Line], cursor.Column, "expected ',' or '}'");
                }
            }
        }

        return ParseFlowScalar(ref cursor, isKey: false);
    }

    private YamlNode ParseFlowScalar(ref FlowCursor cursor, bool isKey)
    {
        var line = _lines[cursor.Line];
        var c = line.Text[cursor.Column];
        if (c == '"' || c == '\'')
        {
            var position = cursor.Column;
            var quoted = ReadQuoted(line, ref position);
            cursor.Column = position;
            return quoted;
        }

        CheckPlainStart(line, cursor.Column);
        var start = cursor.Column;
        var text = line.Text;
        while (cursor.Column < text.Length)
        {
            var current = text[cursor.Column];
            if (current is ',' or '[' or ']' or '{' or '}')
            {
                break;
            }

            if (current == ':' && (cursor.Column + 1 >= text.Length || text[cursor.Column + 1] is ' ' or ',' or ']' or '}' || isKey))
            {
                break;
            }

            cursor.Column++;
        }

        var plain = text.Substring(start, cursor.Column - start).Trim();
        if (plain.Length == 0)
        {
            throw Error(line, start, "expected a value");
        }

        return PlainScalar(plain, line.Number, line.Indent + start + 1);
    }

    private void SkipFlowSpace(ref FlowCursor cursor, bool allowNewLines)
    {
        while (cursor.Line < _lines.Count)
        {
            var text = _lines[cursor.Line].Text;
            while (cursor.Column < text.Length && text[cursor.Column] == ' ')
            {
                cursor.Column++;
            }

            if (cursor.Column < text.Length || !allowNewLines)
            {
                return;
            }

            cursor.Line++;
            cursor.Column = 0;
        }
    }

    private void RequireMore(FlowCursor cursor, string expected)
    {
        if (cursor.Line >= _lines.Count)
        {
            var last = _lines[_lines.Count - 1];
            throw Error(last, last.Text.Length, $"the file ends before the closing {expected}");
        }
    }

    private char Current(FlowCursor cursor) => _lines[cursor.Line].Text[cursor.Column];

    private YamlNode ReadQuoted(SourceLine line, ref int position)
    {
        var text = line.Text;
        var quote = text[position];
        var start = position;
        var builder = new StringBuilder();
        position++;
        while (position < text.Length)
        {
            var c = text[position];
            if (c == quote)
            {
                if (quote == '\'' && position + 1 < text.Length && text[position + 1] == '\'')
                {
                    builder.Append('\'');
                    position += 2;
                    continue;
                }

                position++;
                return YamlNode.Scalar(builder.ToString(), true, line.Number, line.Indent + start + 1);
            }

            if (c == '\\' && quote == '"')
            {
                if (position + 1 >= text.Length)
                {
                    break;
                }

                var escape = text[position + 1];
                switch (escape)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'n': builder.Append('\n'); break;
                    case 't': builder.Append('\t'); break;
                    case 'r': builder.Append('\r'); break;
                    case '0': builder.Append('\0'); break;
                    case ' ': builder.Append(' '); break;
                    case 'u':
                        if (position + 6 <= text.Length
                            && int.TryParse(text.Substring(position + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            builder.Append((char)code);
                            position += 6;
                            continue;
                        }

                        throw Error(line, position, "bad '\\u' escape (expected four hex digits)");
                    default:
                        throw Error(line, position, $"unknown escape '\\{escape}'");
                }

                position += 2;
                continue;
            }

            builder.Append(c);
            position++;
        }

        throw Error(line, start, "the quoted value is not closed on its line");
    }

    private static YamlNode PlainScalar(string plain, int line, int column) =>
        plain is "null" or "Null" or "NULL" or "~" || plain.Length == 0
            ? YamlNode.Scalar(null, false, line, column)
            : YamlNode.Scalar(plain, false, line, column);

    private static bool IsSequenceItem(string text) => text[0] == '-' && (text.Length == 1 || text[1] == ' ');

    /// <summary>The index of the colon that ends a block map key on the line, or -1.</summary>
    private static int FindMappingColon(string text)
    {
        if (text[0] == '[' || text[0] == '{')
        {
            return -1;
        }

        var i = 0;
        if (text[0] == '"' || text[0] == '\'')
        {
            var quote = text[0];
            for (i = 1; i < text.Length; i++)
            {
                if (text[i] == '\\' && quote == '"')
                {
                    i++;
                }
                else if (text[i] == quote)
                {
                    if (quote == '\'' && i + 1 < text.Length && text[i + 1] == '\'')
                    {
                        i++;
                        continue;
                    }

                    break;
                }
            }

            i++;
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            return i < text.Length && text[i] == ':' && (i + 1 == text.Length || text[i + 1] == ' ') ? i : -1;
        }

        for (; i < text.Length; i++)
        {
            if (text[i] == ':' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                return i;
            }
        }

        return -1;
    }

    private BufYamlException Error(SourceLine line, int offset, string problem) =>
        new(_path, line.Number, line.Indent + offset + 1, problem);

    private readonly struct SourceLine
    {
        public SourceLine(int number, int indent, string text)
        {
            Number = number;
            Indent = indent;
            Text = text;
        }

        /// <summary>The 1-based line number in the file.</summary>
        public int Number { get; }

        /// <summary>The column (0-based) where <see cref="Text"/> starts.</summary>
        public int Indent { get; }

        /// <summary>The line without its indentation, comment and trailing spaces; never empty.</summary>
        public string Text { get; }
    }

    private struct FlowCursor
    {
        public FlowCursor(int line, int column)
        {
            Line = line;
            Column = column;
        }

        public int Line;
        public int Column;
    }
}
