using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes.Internals;
using LambdaBestPractices.Analyzers.Model;
using LambdaBestPractices.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace LambdaBestPractices.Analyzers.CodeFixes;

/// <summary>
/// LBP401: "Read the name from an environment variable". The hard-coded name is replaced by a <c>static readonly</c> field
/// initialized once from <c>Environment.GetEnvironmentVariable("ORDERS_BUCKET_NAME")</c>, throwing a clear
/// <c>InvalidOperationException</c> when the variable is unset:
/// <list type="bullet">
/// <item>a <c>const</c> or <c>readonly</c> field's literal: that field itself reads the variable (a <c>const</c> becomes
/// <c>static readonly</c>; not offered when the constant is used where C# needs a constant, such as an attribute or a
/// <c>case</c> label);</item>
/// <item>anywhere else (a literal in the call, a local's or a <c>const</c> local's initializer, a property's value): a new
/// field, first in the type so that static initializers that use it run after it, and the literal becomes its name.</item>
/// </list>
/// The exception message records the old value, so whoever deploys knows what to set, and so that Fix All, or fixing one
/// literal after another, reuses one field per distinct literal and variable in a type.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LBP401ReadResourceNameFromEnvironmentCodeFixProvider))]
[Shared]
public sealed class LBP401ReadResourceNameFromEnvironmentCodeFixProvider : SiteCodeFixProvider<ExpressionSyntax, LBP401ReadResourceNameFromEnvironmentCodeFixProvider.FieldFromEnvironment>
{
    public const string ReadFromEnvironmentKey = "LBP401_ReadFromEnvironment";

    private const string Title = "Read the name from an environment variable";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DontHardCodeResourceNames);

    private protected override string ActionKey => ReadFromEnvironmentKey;

    private protected override string TitleOf(FieldFromEnvironment plan) => Title;

    private protected override ExpressionSyntax? Find(SyntaxNode root, Diagnostic diagnostic) =>
        Request.From(diagnostic) is null ? null : FindTarget(root, diagnostic.Location.SourceSpan);

    /// <summary>Planned on the current document, so one literal in one type gets one field.</summary>
    private protected override async Task<FieldFromEnvironment?> PlanAsync(Document document, SemanticModel model, ExpressionSyntax node, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken) =>
        Request.From(diagnostic) is { } request
        && node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } typeDeclaration
        && model.GetDeclaredSymbol(typeDeclaration, cancellationToken) is { } type
        && await IsFixableAsync(document, model, node, cancellationToken).ConfigureAwait(false)
            ? new FieldFromEnvironment(request, typeDeclaration, type)
            : null;

    /// <summary>
    /// The new code is written with qualified names: add the usings, then shorten the names and format, after each literal,
    /// so that Fix All lays out its fields exactly as fixing one literal after another does.
    /// </summary>
    private protected override async Task<Document> ApplyAsync(Document document, SyntaxNode root, SemanticModel model, ExpressionSyntax node, FieldFromEnvironment plan, CancellationToken cancellationToken)
    {
        document = document.WithSyntaxRoot(Apply(root, node, plan.TypeDeclaration, plan.Type, plan.Request, cancellationToken));
        document = await ImportSimplifyAndFormatAsync(document, cancellationToken).ConfigureAwait(false);
        return document.WithSyntaxRoot(RemoveFormattingAnnotations((await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!));
    }

    /// <summary>What the fix does for one literal: read <see cref="Request"/>'s variable, from a field of the literal's type.</summary>
    public sealed class FieldFromEnvironment
    {
        internal FieldFromEnvironment(Request request, TypeDeclarationSyntax typeDeclaration, INamedTypeSymbol type)
        {
            Request = request;
            TypeDeclaration = typeDeclaration;
            Type = type;
        }

        internal Request Request { get; }

        internal TypeDeclarationSyntax TypeDeclaration { get; }

        internal INamedTypeSymbol Type { get; }
    }

    /// <summary>What one diagnostic asks for, from its properties.</summary>
    internal sealed class Request
    {
        private Request(string variable, string kind, string value)
        {
            Variable = variable;
            Kind = kind;
            Value = value;
        }

        public string Variable { get; }

        public string Kind { get; }

        public string Value { get; }

        public static Request? From(Diagnostic diagnostic) =>
            diagnostic.Properties.TryGetValue(LBP401DontHardCodeResourceNamesRule.VariableNameProperty, out var variable) && variable is { Length: > 0 }
            && diagnostic.Properties.TryGetValue(LBP401DontHardCodeResourceNamesRule.KindProperty, out var kind) && kind is not null
            && diagnostic.Properties.TryGetValue(LBP401DontHardCodeResourceNamesRule.ValueProperty, out var value) && value is not null
                ? new Request(variable, kind, value)
                : null;

        /// <summary>The exception message for <paramref name="variable"/>; also how an existing field is recognised as reusable.</summary>
        public string MessageFor(string variable) => $"Set the {variable} environment variable to the {Kind} (it was hard-coded as \"{Value}\").";
    }

    /// <summary>The expression the diagnostic sits on, when it can hold a field reference or an environment read.</summary>
    private static ExpressionSyntax? FindTarget(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        var node = root.FindNode(span, getInnermostNodeForTie: true);
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current.Span == span && current is ExpressionSyntax expression)
            {
                return expression.FirstAncestorOrSelf<TypeDeclarationSyntax>() is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax
                    ? expression
                    : null;
            }

            if (current.Span.Length > span.Length)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>A field declaration whose only variable's initializer is <paramref name="target"/>.</summary>
    private static FieldDeclarationSyntax? OwnField(ExpressionSyntax target) =>
        target.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field } } }
            ? field
            : null;

    /// <summary>A <c>const</c> local declaration whose only variable's initializer is <paramref name="target"/>.</summary>
    private static LocalDeclarationStatementSyntax? ConstLocal(ExpressionSyntax target) =>
        target.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax local } } } && local.IsConst
            ? local
            : null;

    private static async Task<bool> IsFixableAsync(Document document, SemanticModel model, ExpressionSyntax target, CancellationToken cancellationToken)
    {
        if (OwnField(target) is { } field)
        {
            return !field.Modifiers.Any(SyntaxKind.ConstKeyword)
                || await IsNeverUsedAsConstantAsync(document, model, (VariableDeclaratorSyntax)target.Parent!.Parent!, cancellationToken).ConfigureAwait(false);
        }

        if (target.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } })
        {
            // `const string A = "a", B = "b";`: one declaration for several fields; left for the user.
            return false;
        }

        if (ConstLocal(target) is not null)
        {
            return await IsNeverUsedAsConstantAsync(document, model, (VariableDeclaratorSyntax)target.Parent!.Parent!, cancellationToken).ConfigureAwait(false);
        }

        // A literal in place: `[DynamoDBTable("Orders")]`, a case label or a parameter default must stay a constant.
        return !NeedsConstant(target);
    }

    /// <summary>Whether every use of the constant declared by <paramref name="declarator"/> still compiles once it is a variable.</summary>
    private static async Task<bool> IsNeverUsedAsConstantAsync(Document document, SemanticModel model, VariableDeclaratorSyntax declarator, CancellationToken cancellationToken)
    {
        if (model.GetDeclaredSymbol(declarator, cancellationToken) is not { } symbol)
        {
            return false;
        }

        var references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        foreach (var location in references.SelectMany(r => r.Locations))
        {
            var tree = location.Location.SourceTree;
            if (tree is null)
            {
                return false;
            }

            var node = (await tree.GetRootAsync(cancellationToken).ConfigureAwait(false)).FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
            if (NeedsConstant(node))
            {
                return false;
            }
        }

        return true;
    }

    private static bool NeedsConstant(SyntaxNode node)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case AttributeArgumentSyntax or CaseSwitchLabelSyntax or ConstantPatternSyntax or RelationalPatternSyntax or EnumMemberDeclarationSyntax:
                    return true;
                case EqualsValueClauseSyntax { Parent: ParameterSyntax }:
                    return true;
                case EqualsValueClauseSyntax { Parent.Parent.Parent: LocalDeclarationStatementSyntax { IsConst: true } }:
                    return true;
                case EqualsValueClauseSyntax { Parent.Parent.Parent: FieldDeclarationSyntax constField } when constField.Modifiers.Any(SyntaxKind.ConstKeyword):
                    return true;
                case StatementSyntax or MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    /// <summary>A formatted field must not be formatted again by a later fix in the same Fix All.</summary>
    private static SyntaxNode RemoveFormattingAnnotations(SyntaxNode root)
    {
        var annotated = root.GetAnnotatedNodes(Formatter.Annotation).ToArray();
        return annotated.Length == 0 ? root : root.ReplaceNodes(annotated, (_, rewritten) => rewritten.WithoutAnnotations(Formatter.Annotation));
    }

    private static SyntaxNode Apply(SyntaxNode root, ExpressionSyntax target, TypeDeclarationSyntax typeDeclaration, INamedTypeSymbol type, Request request, CancellationToken cancellationToken)
    {
        var eol = LineEndings.Of(root);

        // 1. A const or readonly field reads the variable itself.
        if (OwnField(target) is { } ownField)
        {
            var variable = ChooseVariable(type, request, ownField, cancellationToken);
            var read = EnvironmentRead(variable, request.MessageFor(variable), eol, IndentationOf(ownField) + "    ").WithTriviaFrom(target);
            var newField = ownField.ReplaceNode(target, read);
            if (newField.Modifiers.IndexOf(SyntaxKind.ConstKeyword) is var constIndex and >= 0)
            {
                var constKeyword = newField.Modifiers[constIndex];
                var modifiers = newField.Modifiers.RemoveAt(constIndex)
                    .Insert(constIndex, Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(constKeyword.TrailingTrivia))
                    .Insert(constIndex, Token(constKeyword.LeadingTrivia, SyntaxKind.StaticKeyword, TriviaList(Space)));
                newField = newField.WithModifiers(modifiers);
            }

            return root.ReplaceNode(ownField, newField);
        }

        // 2. Elsewhere, the literal becomes a new (or the matching existing) field.
        var (fieldName, fieldVariable, reuse) = ChooseField(type, request, cancellationToken);
        var reference = IdentifierName(fieldName).WithTriviaFrom(target);
        TypeDeclarationSyntax newTypeDeclaration;
        if (ConstLocal(target) is { } constLocal)
        {
            // `const string table = "Orders";` → `string table = OrdersTableName;`
            var local = constLocal.ReplaceNode(target, reference);
            var constToken = local.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
            local = local.WithModifiers(local.Modifiers.Remove(constToken));
            local = local.Modifiers.Count == 0 ? local.WithLeadingTrivia(constToken.LeadingTrivia) : local;
            newTypeDeclaration = typeDeclaration.ReplaceNode(constLocal, local);
        }
        else
        {
            newTypeDeclaration = typeDeclaration.ReplaceNode(target, reference);
        }

        if (!reuse)
        {
            var field = FieldDeclaration(
                    VariableDeclaration(PredefinedType(Token(SyntaxKind.StringKeyword)))
                        .AddVariables(VariableDeclarator(fieldName).WithInitializer(EqualsValueClause(EnvironmentRead(fieldVariable, request.MessageFor(fieldVariable), eol, "    ").WithAdditionalAnnotations(Formatter.Annotation)))))
                .WithModifiers(TokenList(Token(SyntaxKind.PrivateKeyword), Token(SyntaxKind.StaticKeyword), Token(SyntaxKind.ReadOnlyKeyword)))
                .WithAdditionalAnnotations(Formatter.Annotation);
            var members = newTypeDeclaration.Members;
            if (members.Count > 0 && !StartsWithBlankLine(members[0]))
            {
                members = members.Replace(members[0], members[0].WithLeadingTrivia(members[0].GetLeadingTrivia().Insert(0, eol)));
            }

            newTypeDeclaration = newTypeDeclaration.WithMembers(members.Insert(0, field.WithTrailingTrivia(eol)));
        }

        return root.ReplaceNode(typeDeclaration, newTypeDeclaration);
    }

    /// <summary>
    /// <c>global::System.Environment.GetEnvironmentVariable("VAR") ?? throw new global::System.InvalidOperationException("...")</c>,
    /// the <c>??</c> on its own line; the names are shortened when <c>System</c> is imported.
    /// </summary>
    private static ExpressionSyntax EnvironmentRead(string variable, string message, SyntaxTrivia eol, string continuationIndentation)
    {
        var text = "global::System.Environment.GetEnvironmentVariable(" + Literal(variable).Text + ")" + eol.ToFullString()
            + continuationIndentation + "?? throw new global::System.InvalidOperationException(" + Literal(message).Text + ")";
        return ParseExpression(text).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
    }

    /// <summary>The whitespace before a member's first token on its line.</summary>
    private static string IndentationOf(SyntaxNode member)
    {
        var trivia = member.GetLeadingTrivia();
        return trivia.Count > 0 && trivia[trivia.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia) ? trivia[trivia.Count - 1].ToFullString() : string.Empty;
    }

    private static bool StartsWithBlankLine(SyntaxNode member)
    {
        foreach (var trivia in member.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return true;
            }

            if (!trivia.IsKind(SyntaxKind.WhitespaceTrivia))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The variable for a field rewritten in place: the suggestion, or the first <c>_2</c>, <c>_3</c>... that no other field
    /// of the type reads for another value.
    /// </summary>
    private static string ChooseVariable(INamedTypeSymbol type, Request request, FieldDeclarationSyntax self, CancellationToken cancellationToken)
    {
        for (var i = 1; ; i++)
        {
            var variable = Numbered(request.Variable, i);
            if (!ReadersOf(type, variable, cancellationToken).Any(r => r.Declarator.Parent?.Parent != self && r.Message != request.MessageFor(variable)))
            {
                return variable;
            }
        }
    }

    /// <summary>
    /// The field for a literal: an existing static readonly field that reads the same variable for the same value (reused),
    /// or a new one whose name and variable are free in the type.
    /// </summary>
    private static (string Field, string Variable, bool Reuse) ChooseField(INamedTypeSymbol type, Request request, CancellationToken cancellationToken)
    {
        for (var i = 1; ; i++)
        {
            var variable = Numbered(request.Variable, i);
            var message = request.MessageFor(variable);
            foreach (var reader in ReadersOf(type, variable, cancellationToken))
            {
                if (reader.Message == message && reader.Field is { IsStatic: true, IsReadOnly: true })
                {
                    return (reader.Field.Name, variable, true);
                }
            }

            var fieldName = ResourceVariableNames.FieldName(variable);
            if (type.GetMembers(fieldName).IsEmpty && type.Name != fieldName && !ReadersOf(type, variable, cancellationToken).Any())
            {
                return (fieldName, variable, false);
            }
        }
    }

    private static string Numbered(string variable, int i) => i == 1 ? variable : variable + "_" + i.ToString(CultureInfo.InvariantCulture);

    /// <summary>The fields of <paramref name="type"/> (all its files) initialized from <c>GetEnvironmentVariable("<paramref name="variable"/>")</c>.</summary>
    private static IEnumerable<(IFieldSymbol Field, VariableDeclaratorSyntax Declarator, string? Message)> ReadersOf(INamedTypeSymbol type, string variable, CancellationToken cancellationToken)
    {
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            foreach (var reference in field.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer } declarator
                    && TryReadEnvironment(initializer, out var read, out var message)
                    && read == variable)
                {
                    yield return (field, declarator, message);
                }
            }
        }
    }

    /// <summary>Recognises <c>[System.]Environment.GetEnvironmentVariable("VAR") [?? throw new ...Exception("message")]</c>.</summary>
    private static bool TryReadEnvironment(ExpressionSyntax initializer, out string variable, out string? message)
    {
        variable = string.Empty;
        message = null;
        var read = initializer;
        if (initializer is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.CoalesceExpression } coalesce)
        {
            read = coalesce.Left;
            if (coalesce.Right is ThrowExpressionSyntax { Expression: BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } messageArguments } } && messageArguments[0].Expression is LiteralExpressionSyntax literal)
            {
                message = literal.Token.ValueText;
            }
        }

        if (read is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetEnvironmentVariable" }, ArgumentList.Arguments: { Count: 1 } readArguments } && readArguments[0].Expression is LiteralExpressionSyntax name)
        {
            variable = name.Token.ValueText;
            return true;
        }

        return false;
    }
}
