using System;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LambdaBestPractices.Analyzers.Model.Deployment;

/// <summary>What a deployment file is.</summary>
internal enum DeploymentFileKind
{
    /// <summary>Not a deployment file.</summary>
    None,

    /// <summary>A CloudFormation or SAM template, JSON or YAML (<c>serverless.template</c>, <c>template.yaml</c>, ...).</summary>
    Template,

    /// <summary>The Lambda tools' <c>aws-lambda-tools-defaults.json</c>.</summary>
    ToolsDefaults,

    /// <summary>Named as a deployment file by the project (<c>LambdaBestPracticesDeploymentFiles</c>): its name, else its content says which.</summary>
    Detect,
}

/// <summary>
/// One deployment file among a project's <c>AdditionalFiles</c>, parsed once: its text and the root node of its tree
/// (null when the file is malformed, empty or unreadable: the rules then go by the code alone).
/// </summary>
internal sealed class DeploymentFile
{
    /// <summary>
    /// The metadata the package's props put on the files it adds (<c>build/LambdaBestPractices.Analyzers.props</c>), visible to
    /// the analyzers through <c>CompilerVisibleItemMetadata</c>: <c>Template</c>, <c>ToolsDefaults</c>, <c>Detect</c> or <c>false</c>.
    /// </summary>
    public const string KindMetadata = "build_metadata.AdditionalFiles.LambdaBestPracticesDeploymentFile";

    private DeploymentFile(string path, DeploymentFileKind kind, SourceText text, TemplateNode? root)
    {
        Path = path;
        Kind = kind;
        Text = text;
        Root = root;
    }

    public string Path { get; }

    public DeploymentFileKind Kind { get; }

    public SourceText Text { get; }

    public TemplateNode? Root { get; }

    /// <summary>Where <paramref name="span"/> of this file is, for a diagnostic: the build output and the IDE link to its line.</summary>
    public Location LocationOf(TextSpan span) => Location.Create(Path, span, Text.Lines.GetLinePositionSpan(span));

    /// <summary>The 1-based line of <paramref name="span"/>, for messages.</summary>
    public int LineOf(TextSpan span) => Text.Lines.GetLinePosition(span.Start).Line + 1;

    /// <summary>
    /// What <paramref name="file"/> is: the kind its item metadata says, else the kind its name says (files added by hand or
    /// by a host that does not pass item metadata).
    /// </summary>
    public static DeploymentFileKind KindOf(AdditionalText file, AnalyzerConfigOptionsProvider options)
    {
        if (options.GetOptions(file).TryGetValue(KindMetadata, out var declared) && declared.Length > 0)
        {
            return string.Equals(declared, nameof(DeploymentFileKind.Template), StringComparison.OrdinalIgnoreCase) ? DeploymentFileKind.Template
                : string.Equals(declared, nameof(DeploymentFileKind.ToolsDefaults), StringComparison.OrdinalIgnoreCase) ? DeploymentFileKind.ToolsDefaults
                : string.Equals(declared, nameof(DeploymentFileKind.Detect), StringComparison.OrdinalIgnoreCase) ? Detected(file.Path)
                : DeploymentFileKind.None;
        }

        return KindOfName(file.Path);
    }

    private static DeploymentFileKind Detected(string path) => KindOfName(path) is var named and not DeploymentFileKind.None ? named : DeploymentFileKind.Detect;

    /// <summary>The kind the file's name says: the names the SAM CLI, the Lambda tools and the .NET templates use.</summary>
    public static DeploymentFileKind KindOfName(string? path)
    {
        string name;
        try
        {
            name = System.IO.Path.GetFileName(path ?? string.Empty);
        }
        catch (ArgumentException)
        {
            return DeploymentFileKind.None;
        }

        return name.ToLowerInvariant() switch
        {
            "serverless.template" or "template.yaml" or "template.yml" or "template.json" => DeploymentFileKind.Template,
            "aws-lambda-tools-defaults.json" => DeploymentFileKind.ToolsDefaults,
            _ => DeploymentFileKind.None,
        };
    }

    /// <summary>Reads and parses <paramref name="file"/>; null when it cannot be read. Never throws but for cancellation.</summary>
    public static DeploymentFile? Load(AdditionalText file, DeploymentFileKind kind, CancellationToken cancellationToken)
    {
        SourceText? text;
        try
        {
            text = file.GetText(cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }

        if (text is null)
        {
            return null;
        }

        var root = Parse(text, cancellationToken);
        if (kind == DeploymentFileKind.Detect)
        {
            // A template has resources (or says it is one); the tools' defaults name a handler or a template to deploy.
            kind = root?["Resources"] is not null || root?["AWSTemplateFormatVersion"] is not null || root?["Transform"] is not null ? DeploymentFileKind.Template
                : root?["function-handler"] is not null || root?["template"] is not null ? DeploymentFileKind.ToolsDefaults
                : DeploymentFileKind.Template;
        }

        return new DeploymentFile(file.Path, kind, text, root);
    }

    /// <summary>JSON when the first character that is not white space or a BOM opens an object or a comment; YAML otherwise.</summary>
    internal static TemplateNode? Parse(SourceText text, CancellationToken cancellationToken)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '{' or '/')
            {
                return TemplateJson.Parse(text, cancellationToken);
            }

            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                break;
            }
        }

        return TemplateYaml.Parse(text, cancellationToken);
    }
}
