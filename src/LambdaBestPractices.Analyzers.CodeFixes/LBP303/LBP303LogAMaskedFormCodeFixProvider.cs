using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes.Internals;
using LambdaBestPractices.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace LambdaBestPractices.Analyzers.CodeFixes;

/// <summary>
/// LBP303: the logged secret becomes a masked form that says whether it is set and nothing of its value:
/// <c>Console.WriteLine($"key {apiKey}")</c> becomes <c>Console.WriteLine($"key {(apiKey is { Length: &gt; 0 } ? "***" : "(empty)")}")</c>.
/// The expression stays in the code and is evaluated once, as before (an <c>await</c> or a call still runs). Offered where
/// the analyzer found the secret itself as a string (an argument, an interpolation hole, a concatenation operand, a
/// <c>params</c> value); not for a message composed in a local, whose masking would hide the whole line.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LBP303LogAMaskedFormCodeFixProvider))]
[Shared]
public sealed class LBP303LogAMaskedFormCodeFixProvider : SiteCodeFixProvider<ExpressionSyntax, ExpressionSyntax>
{
    public const string EquivalenceKey = "LBP303_LogAMaskedForm";

    private const string Title = "Log whether the secret is set, not its value";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DontLogSecrets);

    private protected override string ActionKey => EquivalenceKey;

    private protected override string TitleOf(ExpressionSyntax plan) => Title;

    private protected override ExpressionSyntax? Find(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(LoggedSecrets.MaskProperty, out var where) || where is null)
        {
            return null;
        }

        var colon = where.IndexOf(':');
        if (colon < 0
            || !int.TryParse(where.Substring(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(where.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || start + length > root.FullSpan.End)
        {
            return null;
        }

        var span = new TextSpan(start, length);
        return root.FindNode(span, getInnermostNodeForTie: true) is ExpressionSyntax expression && expression.Span == span ? expression : null;
    }

    /// <summary>The secret's expression, when it is still a string.</summary>
    private protected override Task<ExpressionSyntax?> PlanAsync(Document document, SemanticModel model, ExpressionSyntax node, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken) =>
        Task.FromResult(model.GetTypeInfo(node, cancellationToken).Type?.SpecialType == SpecialType.System_String ? node : null);

    private protected override Task<Document> ApplyAsync(Document document, SyntaxNode root, SemanticModel model, ExpressionSyntax node, ExpressionSyntax plan, CancellationToken cancellationToken)
    {
        // `secret is { Length: > 0 } ? "***" : "(empty)"`: the secret is read (once), only whether it is set is logged. The
        // secret's own text (its comments and line breaks too) is kept as written.
        var subject = node.WithoutTrivia().ToFullString();
        var text = (IsPrimary(node) ? subject : "(" + subject + ")") + " is { Length: > 0 } ? \"***\" : \"(empty)\"";

        // Inside an interpolation hole a conditional needs parentheses (its ':' would start a format); in an operator's
        // operand, for precedence. A plain argument takes it as it is.
        if (node.Parent is not (ArgumentSyntax or EqualsValueClauseSyntax or InitializerExpressionSyntax))
        {
            text = "(" + text + ")";
        }

        var masked = ParseExpression(text).WithTriviaFrom(node);
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(node, masked)));
    }

    /// <summary>Whether <paramref name="expression"/> binds tighter than <c>is</c> (no parentheses needed around it).</summary>
    private static bool IsPrimary(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            or AwaitExpressionSyntax or ParenthesizedExpressionSyntax or ConditionalAccessExpressionSyntax or LiteralExpressionSyntax
            or ThisExpressionSyntax or PostfixUnaryExpressionSyntax;
}
