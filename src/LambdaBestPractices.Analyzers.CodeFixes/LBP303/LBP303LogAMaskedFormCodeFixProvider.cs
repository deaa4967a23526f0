using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes.Internals;
using LambdaBestPractices.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace LambdaBestPractices.Analyzers.CodeFixes;

/// <summary>
/// LBP303: every secret in the logged value becomes a masked form that says whether it is set and nothing of its value:
/// <c>Console.WriteLine($"key {apiKey}")</c> becomes <c>Console.WriteLine($"key {(string.IsNullOrEmpty(apiKey) ? "(empty)" : "***")}")</c>.
/// The expression stays in the code and is evaluated once, as before (an <c>await</c> or a call still runs), and the form
/// compiles with every C# version. Offered where the analyzer found each secret itself as a string (an argument, an
/// interpolation hole, a concatenation operand, a <c>params</c> value); not for a message composed in a local, whose
/// masking would hide the whole line.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LBP303LogAMaskedFormCodeFixProvider))]
[Shared]
public sealed class LBP303LogAMaskedFormCodeFixProvider : SiteCodeFixProvider<ExpressionSyntax, IReadOnlyList<ExpressionSyntax>>
{
    public const string EquivalenceKey = "LBP303_LogAMaskedForm";

    private const string Title = "Log whether the secret is set, not its value";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DontLogSecrets);

    private protected override string ActionKey => EquivalenceKey;

    private protected override string TitleOf(IReadOnlyList<ExpressionSyntax> plan) => Title;

    /// <summary>The logged value the diagnostic sits on, when the analyzer said where its secrets are.</summary>
    private protected override ExpressionSyntax? Find(SyntaxNode root, Diagnostic diagnostic) =>
        diagnostic.Properties.ContainsKey(LoggedSecrets.MaskProperty)
        && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax expression
        && expression.Span == diagnostic.Location.SourceSpan
            ? expression
            : null;

    /// <summary>
    /// Each secret in the logged value, found again at its offset from the value's start (fixes before it in the document
    /// may have moved the value, not changed it), when each is still a string.
    /// </summary>
    private protected override Task<IReadOnlyList<ExpressionSyntax>?> PlanAsync(Document document, SemanticModel model, ExpressionSyntax node, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
    {
        var parts = new List<ExpressionSyntax>();
        var reportedAt = diagnostic.Location.SourceSpan.Start;
        foreach (var where in (diagnostic.Properties[LoggedSecrets.MaskProperty] ?? "").Split(';'))
        {
            var colon = where.IndexOf(':');
            if (colon < 0
                || !int.TryParse(where.Substring(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                || !int.TryParse(where.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || start < reportedAt)
            {
                return Task.FromResult<IReadOnlyList<ExpressionSyntax>?>(null);
            }

            var span = new TextSpan(node.SpanStart + (start - reportedAt), length);
            if (!node.Span.Contains(span)
                || node.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax part
                || part.Span != span
                || model.GetTypeInfo(part, cancellationToken).Type?.SpecialType != SpecialType.System_String)
            {
                return Task.FromResult<IReadOnlyList<ExpressionSyntax>?>(null);
            }

            parts.Add(part);
        }

        return Task.FromResult<IReadOnlyList<ExpressionSyntax>?>(parts.Count == 0 ? null : parts);
    }

    private protected override Task<Document> ApplyAsync(Document document, SyntaxNode root, SemanticModel model, ExpressionSyntax node, IReadOnlyList<ExpressionSyntax> plan, CancellationToken cancellationToken) =>
        Task.FromResult(document.WithSyntaxRoot(root.ReplaceNodes(plan, (original, _) => Masked(original))));

    /// <summary>
    /// <c>string.IsNullOrEmpty(secret) ? "(empty)" : "***"</c>: the secret is read (once), only whether it is set is logged.
    /// Its own text (comments and line breaks too) is kept as written.
    /// </summary>
    private static ExpressionSyntax Masked(ExpressionSyntax secret)
    {
        var text = "string.IsNullOrEmpty(" + secret.WithoutTrivia().ToFullString() + ") ? \"(empty)\" : \"***\"";

        // Inside an interpolation hole a conditional needs parentheses (its ':' would start a format); in an operator's
        // operand, for precedence. A plain argument takes it as it is.
        if (secret.Parent is not (ArgumentSyntax or EqualsValueClauseSyntax or InitializerExpressionSyntax))
        {
            text = "(" + text + ")";
        }

        return ParseExpression(text).WithTriviaFrom(secret);
    }
}
