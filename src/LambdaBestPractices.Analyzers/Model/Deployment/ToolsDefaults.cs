using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace LambdaBestPractices.Analyzers.Model.Deployment;

/// <summary>
/// Reads the function of an <c>aws-lambda-tools-defaults.json</c> (the Lambda tools' <c>dotnet lambda deploy-function</c>
/// defaults): <c>function-handler</c>, <c>function-name</c> and <c>environment-variables</c>
/// (<c>"KEY1=value1;KEY2=value2"</c>). A file that names a <c>template</c> deploys a serverless application instead: its
/// functions are the template's, read from the template itself.
/// </summary>
internal static class ToolsDefaults
{
    public static ImmutableArray<DeployedFunction> Read(DeploymentFile file)
    {
        if (file.Root is not TemplateMap root || root["function-handler"] is not TemplateScalar handler)
        {
            return ImmutableArray<DeployedFunction>.Empty;
        }

        var name = root["function-name"]?.Text is { Length: > 0 } functionName ? functionName : "function-handler";
        return ImmutableArray.Create(new DeployedFunction(
            file,
            name,
            handler.Span,
            handler,
            Variables(file, root["environment-variables"] as TemplateScalar),
            EventSources.None,
            ImmutableArray<string>.Empty,
            snapStart: false,
            runtime: root["function-runtime"]?.Text));
    }

    /// <summary>
    /// <c>"KEY1=value1;KEY2=value2"</c>. Each key's span is its place in the string as written, so a finding points at the
    /// key; where escapes make the written text differ from the value, it points at the whole string.
    /// </summary>
    private static ImmutableArray<DeployedVariable> Variables(DeploymentFile file, TemplateScalar? value)
    {
        if (value is null || value.Value.Length == 0)
        {
            return ImmutableArray<DeployedVariable>.Empty;
        }

        // The written string is the value between quotes when it has no escape: a position in the value is then one in the
        // file, one character after the opening quote.
        var written = file.Text.ToString(value.Span);
        var exact = written.Length == value.Value.Length + 2 && string.CompareOrdinal(written, 1, value.Value, 0, value.Value.Length) == 0;
        var variables = ImmutableArray.CreateBuilder<DeployedVariable>();
        var pairStart = 0;
        foreach (var pair in value.Value.Split(';'))
        {
            var start = pairStart;
            pairStart += pair.Length + 1;
            var equals = pair.IndexOf('=');
            var rawKey = equals < 0 ? pair : pair.Substring(0, equals);
            var key = rawKey.Trim();
            if (key.Length == 0)
            {
                continue;
            }

            var keySpan = exact ? new TextSpan(value.Span.Start + 1 + start + rawKey.IndexOf(key, StringComparison.Ordinal), key.Length) : value.Span;
            var valueText = equals < 0 ? string.Empty : pair.Substring(equals + 1).Trim();
            variables.Add(new DeployedVariable(file, key, keySpan, new TemplateScalar(valueText, exact ? new TextSpan(keySpan.End, 0) : value.Span, isQuoted: true)));
        }

        return variables.ToImmutable();
    }
}
