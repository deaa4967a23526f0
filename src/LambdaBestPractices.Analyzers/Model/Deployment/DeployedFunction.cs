using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace LambdaBestPractices.Analyzers.Model.Deployment;

/// <summary>
/// One Lambda function a deployment file defines: an <c>AWS::Serverless::Function</c> or <c>AWS::Lambda::Function</c> of a
/// template (with <c>Globals</c> applied), or the function of an <c>aws-lambda-tools-defaults.json</c>.
/// </summary>
internal sealed class DeployedFunction
{
    public DeployedFunction(
        DeploymentFile file,
        string name,
        TextSpan span,
        TemplateScalar? handler,
        ImmutableArray<DeployedVariable> variables,
        EventSources sources,
        ImmutableArray<string> triggers,
        bool snapStart,
        string? runtime = null,
        string? codeUri = null)
    {
        Runtime = runtime;
        CodeUri = codeUri;
        File = file;
        Name = name;
        Span = span;
        Handler = handler;
        HandlerName = HandlerName.Parse(handler?.Value);
        Variables = variables;
        Sources = sources;
        Triggers = triggers;
        SnapStart = snapStart;
    }

    public DeploymentFile File { get; }

    /// <summary>The resource's logical ID (a template), or the <c>function-name</c> (the tools' defaults).</summary>
    public string Name { get; }

    /// <summary>Where the function is defined (the resource's key).</summary>
    public TextSpan Span { get; }

    /// <summary>The <c>Handler</c> as written, when it is a string.</summary>
    public TemplateScalar? Handler { get; }

    /// <summary>The handler's parts, when it has the managed runtime's form or names an executable assembly.</summary>
    public HandlerName? HandlerName { get; }

    /// <summary>Its environment variables, the function's own after the <c>Globals</c> it does not override.</summary>
    public ImmutableArray<DeployedVariable> Variables { get; }

    /// <summary>The event sources the file connects to it (<see cref="EventSources.None"/> when it names none).</summary>
    public EventSources Sources { get; }

    /// <summary>The logical IDs of the resources that trigger it (queues, buckets, topics, tables, streams, rules).</summary>
    public ImmutableArray<string> Triggers { get; }

    /// <summary><c>SnapStart: ApplyOn: PublishedVersions</c>.</summary>
    public bool SnapStart { get; }

    /// <summary>The <c>Runtime</c> (<c>dotnet8</c>, <c>provided.al2023</c>, <c>nodejs20.x</c>, ...), when written as a string.</summary>
    public string? Runtime { get; }

    /// <summary>A SAM function's <c>CodeUri</c>, when it is a path (relative to the template).</summary>
    public string? CodeUri { get; }

    /// <summary>
    /// Whether a .NET project can implement it: the managed .NET runtime, a custom runtime (a native-AOT or executable
    /// assembly), or no runtime written (a container image, or one the file does not say).
    /// </summary>
    public bool MayBeDotNet => Runtime is null
        || Runtime.StartsWith("dotnet", StringComparison.OrdinalIgnoreCase)
        || Runtime.StartsWith("provided", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One environment variable of a deployed function: its key and value nodes, in the file that writes them.</summary>
internal readonly struct DeployedVariable
{
    public DeployedVariable(DeploymentFile file, string name, TextSpan keySpan, TemplateNode value)
    {
        File = file;
        Name = name;
        KeySpan = keySpan;
        Value = value;
    }

    public DeploymentFile File { get; }

    public string Name { get; }

    public TextSpan KeySpan { get; }

    public TemplateNode Value { get; }
}

/// <summary>
/// A managed runtime handler string, <c>Assembly::Namespace.Type::Method</c> (a nested type written <c>Outer+Inner</c>), or
/// an executable assembly's name alone (top-level statements with the runtime support's bootstrap).
/// </summary>
internal sealed class HandlerName
{
    private HandlerName(string assembly, string? metadataType, string? method)
    {
        Assembly = assembly;
        MetadataType = metadataType;
        Type = metadataType?.Replace('+', '.');
        Method = method;
    }

    public string Assembly { get; }

    /// <summary>The type's metadata-style full name with nested types joined by <c>.</c>; null for an executable assembly.</summary>
    public string? Type { get; }

    /// <summary>The type as written, nested types joined by <c>+</c> (the form <c>Compilation.GetTypeByMetadataName</c> takes).</summary>
    public string? MetadataType { get; }

    public string? Method { get; }

    /// <summary><c>Namespace.Type.Method</c>, the form <see cref="ConfiguredHandlers"/> matches; null for an executable assembly.</summary>
    public string? QualifiedMethod => Type is null ? null : Type + "." + Method;

    private static readonly string[] Separator = { "::" };

    public static HandlerName? Parse(string? handler)
    {
        if (handler is null)
        {
            return null;
        }

        var value = handler.Trim();
        var parts = value.Split(Separator, StringSplitOptions.None);
        if (parts.Length == 3)
        {
            var assembly = parts[0].Trim();
            var type = parts[1].Trim();
            var method = parts[2].Trim();
            return IsAssemblyName(assembly) && type.Length > 0 && method.Length > 0 && IsIdentifierPath(type) && IsIdentifierPath(method)
                ? new HandlerName(assembly, type, method)
                : null;
        }

        // An executable assembly: a bare name, no path, no spaces (a custom runtime's "bootstrap" or "not.used" reads the same
        // and is matched against the compilation's assembly name only).
        return parts.Length == 1 && IsAssemblyName(value) ? new HandlerName(value, null, null) : null;
    }

    private static bool IsAssemblyName(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIdentifierPath(string text)
    {
        foreach (var c in text)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '.' or '+' or '`'))
            {
                return false;
            }
        }

        return true;
    }
}
