using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace LambdaBestPractices.Analyzers.Model.Deployment;

/// <summary>
/// One node of a parsed deployment file (CloudFormation/SAM JSON or YAML, <c>aws-lambda-tools-defaults.json</c>): a map,
/// a sequence or a scalar, with its span in the file's text so a finding can point at its line. Both parsers give the same
/// shape: YAML's short-form intrinsics (<c>!Ref X</c>, <c>!GetAtt Q.Arn</c>, <c>!Sub '...'</c>) come out as the JSON
/// long form, a one-entry map (<c>Ref</c>, <c>Fn::GetAtt</c>, <c>Fn::Sub</c>, ...), so the template model reads one form.
/// </summary>
internal abstract class TemplateNode
{
    private protected TemplateNode(TextSpan span) => Span = span;

    /// <summary>Where the node is written (for a YAML short-form intrinsic: the tag and its value).</summary>
    public TextSpan Span { get; }

    /// <summary>This node as a scalar's text, or null when it is a map or a sequence.</summary>
    public string? Text => (this as TemplateScalar)?.Value;

    /// <summary>The entry <paramref name="key"/> of a map (the first one, compared ordinally), or null.</summary>
    public TemplateNode? this[string key] => (this as TemplateMap)?.Get(key);
}

/// <summary>A string, number, boolean or null, as written (quotes removed, escapes decoded; a YAML <c>~</c> or <c>null</c> is kept as text).</summary>
internal sealed class TemplateScalar : TemplateNode
{
    public TemplateScalar(string value, TextSpan span, bool isQuoted)
        : base(span)
    {
        Value = value;
        IsQuoted = isQuoted;
    }

    public string Value { get; }

    /// <summary>Written in quotes (or as a YAML block scalar): always a string.</summary>
    public bool IsQuoted { get; }
}

/// <summary>A JSON object or a YAML mapping, its entries in file order.</summary>
internal sealed class TemplateMap : TemplateNode
{
    public TemplateMap(IReadOnlyList<KeyValuePair<TemplateScalar, TemplateNode>> entries, TextSpan span)
        : base(span) => Entries = entries;

    public IReadOnlyList<KeyValuePair<TemplateScalar, TemplateNode>> Entries { get; }

    public TemplateNode? Get(string key)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key.Value, key, StringComparison.Ordinal))
            {
                return entry.Value;
            }
        }

        return null;
    }
}

/// <summary>A JSON array or a YAML sequence.</summary>
internal sealed class TemplateSequence : TemplateNode
{
    public TemplateSequence(IReadOnlyList<TemplateNode> items, TextSpan span)
        : base(span) => Items = items;

    public IReadOnlyList<TemplateNode> Items { get; }
}
