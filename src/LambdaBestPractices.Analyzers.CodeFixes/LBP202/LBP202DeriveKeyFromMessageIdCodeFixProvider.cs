using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes.Internals;
using LambdaBestPractices.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaBestPractices.Analyzers.CodeFixes;

/// <summary>
/// LBP202: "Derive the key from the message id": the fresh value of a key (<c>Guid.NewGuid().ToString()</c>,
/// <c>$"order#{Guid.NewGuid()}"</c>) becomes the id of the event record in scope: <c>record.MessageId</c> (SQS),
/// <c>record.Sns.MessageId</c> (SNS), <c>record.EventID</c> (DynamoDB streams), <c>record.EventId</c> (Kinesis).
/// Offered only when exactly one such record variable is in scope, declared before the fresh value, and the fresh value
/// is used as a string: a string expression (<c>Guid.NewGuid().ToString(...)</c> is replaced as a whole), an interpolation
/// hole or a string concatenation operand. A <c>Guid</c> or <c>DateTime</c> kept in a typed variable gets no fix (the
/// replacement would not compile), and neither do increments.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LBP202DeriveKeyFromMessageIdCodeFixProvider))]
[Shared]
public sealed class LBP202DeriveKeyFromMessageIdCodeFixProvider : CodeFixProvider
{
    public const string DeriveKeyFromMessageIdKey = "LBP202_DeriveKeyFromMessageId";

    private const string DeriveKeyFromMessageIdTitle = "Derive the key from the message id";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MakeWritesIdempotent);

    public override FixAllProvider GetFixAllProvider() => new SequentialFixAllProvider(FixAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Plan(root, model, diagnostic, context.CancellationToken) is null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(DeriveKeyFromMessageIdTitle, ct => FixAsync(document, ImmutableArray.Create(diagnostic), DeriveKeyFromMessageIdKey, ct), DeriveKeyFromMessageIdKey),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var replacements = new Dictionary<ExpressionSyntax, ExpressionSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            if (Plan(root, model, diagnostic, cancellationToken) is { } plan && !replacements.ContainsKey(plan.Target))
            {
                replacements.Add(plan.Target, plan.Replacement);
            }
        }

        if (replacements.Count == 0)
        {
            return document;
        }

        // Outermost targets only: a target inside another one is replaced with it.
        var targets = replacements.Keys.Where(t => !replacements.Keys.Any(o => o != t && o.Span.Contains(t.Span))).ToArray();
        var newRoot = root.ReplaceNodes(targets, (original, _) => replacements[original].WithTriviaFrom(original));
        return document.WithSyntaxRoot(newRoot);
    }

    private static (ExpressionSyntax Target, ExpressionSyntax Replacement)? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(LBP202MakeWritesIdempotentAnalyzer.KindProperty, out var kind) || kind != LBP202MakeWritesIdempotentAnalyzer.FreshKeyKind
            || diagnostic.AdditionalLocations.Count == 0
            || diagnostic.AdditionalLocations[0] is not { SourceTree: { } tree } freshLocation
            || tree != root.SyntaxTree
            || root.FindNode(freshLocation.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax fresh)
        {
            return null;
        }

        var target = fresh;

        // `Guid.NewGuid().ToString("N")`, `(Guid.NewGuid()).ToString()`: the string made from the fresh value is what gets replaced.
        while (true)
        {
            if (target.Parent is ParenthesizedExpressionSyntax parenthesized)
            {
                target = parenthesized;
            }
            else if (target.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString" } access && access.Expression == target
                && access.Parent is InvocationExpressionSyntax toString)
            {
                target = toString;
            }
            else
            {
                break;
            }
        }

        var usedAsString = model.GetTypeInfo(target, cancellationToken).Type?.SpecialType == SpecialType.System_String
            || target.Parent is InterpolationSyntax
            || (target.Parent is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } concatenation
                && model.GetTypeInfo(concatenation, cancellationToken).Type?.SpecialType == SpecialType.System_String);
        if (!usedAsString || RecordIdInScope(model, target, cancellationToken) is not { } id)
        {
            return null;
        }

        return (target, SyntaxFactory.ParseExpression(id));
    }

    /// <summary>The id of the one event record variable in scope at <paramref name="target"/> (<c>record.MessageId</c>), or null.</summary>
    private static string? RecordIdInScope(SemanticModel model, ExpressionSyntax target, CancellationToken cancellationToken)
    {
        string? found = null;
        foreach (var symbol in model.LookupSymbols(target.SpanStart))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (type, declaredAt) = symbol switch
            {
                ILocalSymbol local => (local.Type, local.DeclaringSyntaxReferences.FirstOrDefault()?.Span.Start ?? int.MaxValue),
                IParameterSymbol parameter => (parameter.Type, 0),
                _ => (null, int.MaxValue),
            };

            if (type is null || declaredAt >= target.SpanStart || IdPath(type) is not { } path)
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = symbol.Name + path;
        }

        return found;
    }

    private static string? IdPath(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol { ContainingType: { } eventType } || eventType.ContainingNamespace?.ToDisplayString() is not { } ns)
        {
            return null;
        }

        return (ns, eventType.Name, type.Name) switch
        {
            ("Amazon.Lambda.SQSEvents", "SQSEvent", "SQSMessage") => ".MessageId",
            ("Amazon.Lambda.SNSEvents", "SNSEvent", "SNSRecord") => ".Sns.MessageId",
            ("Amazon.Lambda.DynamoDBEvents", "DynamoDBEvent", "DynamodbStreamRecord") => ".EventID",
            ("Amazon.Lambda.KinesisEvents", "KinesisEvent", "KinesisEventRecord") => ".EventId",
            _ => null,
        };
    }
}
