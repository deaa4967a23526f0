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
        var snapStart = false;
        return ImmutableArray.Create(new DeployedFunction(
            file,
            name,
            handler.Span,
            handler,
            Variables(file, root["environment-variables"] as TemplateScalar),
            EventSources.None,
            ImmutableArray<string>.Empty,
            snapStart));
    }

    /// <summary>
    /// <c>"KEY1=value1;KEY2=value2"</c>. Each key's span is found in the value as written, so a finding points at the key;
    /// where escapes make the written text differ from the value, it points at the whole value.
    /// </summary>
    private static ImmutableArray<DeployedVariable> Variables(DeploymentFile file, TemplateScalar? value)
    {
        if (value is null || value.Value.Length == 0)
        {
            return ImmutableArray<DeployedVariable>.Empty;
        }

        var written = file.Text.ToString(value.Span);
        var variables = ImmutableArray.CreateBuilder<DeployedVariable>();
        var searchFrom = 0;
        foreach (var pair in value.Value.Split(';'))
        {
            var equals = pair.IndexOf('=');
            var key = (equals < 0 ? pair : pair.Substring(0, equals)).Trim();
            if (key.Length == 0)
            {
                continue;
            }

            var at = written.IndexOf(key, searchFrom, StringComparison.Ordinal);
            var keySpan = at < 0 ? value.Span : new TextSpan(value.Span.Start + at, key.Length);
            var valueText = equals < 0 ? string.Empty : pair.Substring(equals + 1).Trim();
            var valueStart = at < 0 ? value.Span.Start : keySpan.End;
            variables.Add(new DeployedVariable(file, key, keySpan, new TemplateScalar(valueText, new TextSpan(valueStart, at < 0 ? value.Span.Length : 0), isQuoted: true)));
            if (at >= 0)
            {
                searchFrom = at + key.Length;
            }
        }

        return variables.ToImmutable();
    }
}
