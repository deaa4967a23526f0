using System;
using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Model.Deployment;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaBestPractices.Analyzers.Rules;

/// <summary>
/// LBP301 in a deployment file: an environment variable of one of the project's functions that holds a secret in plain text,
/// which is the most common way a secret reaches one:
/// <list type="bullet">
/// <item>a secret-looking name (<see cref="SecretNames"/>, the project's options) with a non-empty literal value;</item>
/// <item>any variable set by a <c>{{resolve:secretsmanager:...}}</c> or <c>{{resolve:ssm-secure:...}}</c> dynamic reference
/// (also inside <c>Fn::Sub</c> or <c>Fn::Join</c>): CloudFormation resolves it at deploy and stores the plain text in the
/// function's configuration, where anyone allowed <c>lambda:GetFunctionConfiguration</c> reads it.</item>
/// </list>
/// A value from a template parameter (<c>!Ref DbPassword</c>) stays silent: what the parameter holds is not in the file; so
/// do literals that are visibly not the secret (<see cref="MayBeSecret"/>).
/// Reported at the value, whose text the message never repeats.
/// </summary>
internal static class TemplateSecrets
{
    private const int MaxDepth = 16;

    public static void Check(AdditionalFileAnalysisContext context, DeploymentModel deployment, DeploymentFile file, SecretNames names)
    {
        foreach (var variable in deployment.OwnVariablesIn(file))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var location = file.LocationOf(variable.Value.Span.IsEmpty ? variable.KeySpan : variable.Value.Span);
            if (DynamicReference(variable.Value, 0) is { } service)
            {
                // "Environment variable 'X' set by the dynamic reference 'resolve:secretsmanager' holds a secret in plain text":
                // the service, never the reference's own text.
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.LBP301_KeepSecretsOutOfEnvironmentVariables, location, ResolvedName(variable.Name, service)));
            }
            else if (variable.Value is TemplateScalar literal && MayBeSecret(literal) && names.Classify(variable.Name) == NameKind.Secret)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.LBP301_KeepSecretsOutOfEnvironmentVariables, location, variable.Name));
            }
        }
    }

    /// <summary>
    /// A literal that may be the secret itself: not empty, not a YAML null (<c>~</c>, <c>null</c>) or alias (<c>*name</c>),
    /// and not visibly something else: an ARN or a Parameter Store path (a pointer at the secret), a boolean or a number
    /// (a setting).
    /// </summary>
    private static bool MayBeSecret(TemplateScalar literal)
    {
        var value = literal.Value.Trim();
        if (value.Length == 0 || (!literal.IsQuoted && (value is "~" or "null" or "Null" or "NULL" || value[0] == '*')))
        {
            return false;
        }

        if (ResourceSlots.LooksLikeArn(value) || value[0] == '/'
            || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase)
            || value.Equals("yes", StringComparison.OrdinalIgnoreCase) || value.Equals("no", StringComparison.OrdinalIgnoreCase)
            || value.Equals("on", StringComparison.OrdinalIgnoreCase) || value.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsDigit(c) && c is not ('.' or '-' or '+'))
            {
                return true;
            }
        }

        return false;
    }

    // No braces in a message: a log pipeline that formats it again would choke on them.
    internal static string ResolvedName(string name, string service) => name + "' set by the dynamic reference 'resolve:" + service;

    /// <summary>The service of a secret dynamic reference anywhere in <paramref name="value"/>, or null.</summary>
    private static string? DynamicReference(TemplateNode value, int depth)
    {
        switch (value)
        {
            case TemplateScalar scalar:
                return scalar.Value.IndexOf("{{resolve:secretsmanager:", StringComparison.Ordinal) >= 0 ? "secretsmanager"
                    : scalar.Value.IndexOf("{{resolve:ssm-secure:", StringComparison.Ordinal) >= 0 ? "ssm-secure"
                    : null;
            case TemplateMap map when depth < MaxDepth:
                foreach (var entry in map.Entries)
                {
                    if (DynamicReference(entry.Value, depth + 1) is { } service)
                    {
                        return service;
                    }
                }

                return null;
            case TemplateSequence sequence when depth < MaxDepth:
                foreach (var item in sequence.Items)
                {
                    if (DynamicReference(item, depth + 1) is { } service)
                    {
                        return service;
                    }
                }

                return null;
            default:
                return null;
        }
    }
}
