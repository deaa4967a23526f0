using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaBestPractices.Analyzers.CodeFixes.Internals;
using LambdaBestPractices.Analyzers.Internals;
using LambdaBestPractices.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;
using LambdaBestPractices.Analyzers.Rules;

namespace LambdaBestPractices.Analyzers.CodeFixes;

/// <summary>
/// LBP301: replaces <c>Environment.GetEnvironmentVariable("DB_PASSWORD")</c> by a <c>static readonly</c> field loaded once per
/// execution environment from Parameter Store (a SecureString, <c>WithDecryption = true</c>) or Secrets Manager. The
/// parameter or secret is named by a new environment variable (<c>DB_PASSWORD_PARAMETER</c>, <c>DB_PASSWORD_SECRET_ID</c>),
/// which is a pointer, not a secret, and not a hard-coded resource name.
/// <para>
/// Offered only where it is honest: for a read inside a class, struct or record (not top-level statements), and for each
/// store whose SDK package the compilation references (AWSSDK.SimpleSystemsManagement, AWSSDK.SecretsManager). No fix for
/// <c>SetEnvironmentVariable</c> and the CDK forms: the secret has to be created in the store first (the rule page shows how).
/// </para>
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LBP301KeepSecretsOutOfEnvironmentCodeFixProvider))]
[Shared]
public sealed class LBP301KeepSecretsOutOfEnvironmentCodeFixProvider : SiteCodeFixProvider<InvocationExpressionSyntax, LBP301KeepSecretsOutOfEnvironmentCodeFixProvider.SecretLoad>
{
    public const string LoadFromParameterStoreKey = "LBP301_LoadFromParameterStore";
    public const string LoadFromSecretsManagerKey = "LBP301_LoadFromSecretsManager";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.KeepSecretsOutOfEnvironmentVariables);

    private protected override string ActionKey => LoadFromParameterStoreKey;

    private protected override string TitleOf(SecretLoad plan) => plan.Store == Store.ParameterStore
        ? $"Load '{plan.Name}' once from Parameter Store (SecureString)"
        : $"Load '{plan.Name}' once from Secrets Manager";

    private protected override bool Accepts(string equivalenceKey) => equivalenceKey is LoadFromParameterStoreKey or LoadFromSecretsManagerKey;

    private protected override InvocationExpressionSyntax? Find(SyntaxNode root, Diagnostic diagnostic) => FindRead(root, diagnostic.Location.SourceSpan);

    /// <summary>One action per store the project references (Parameter Store, Secrets Manager), each with its own key.</summary>
    private protected override async Task<IEnumerable<FixOffer>> OffersAsync(Document document, SemanticModel model, InvocationExpressionSyntax node, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var offers = new List<FixOffer>();
        foreach (var key in new[] { LoadFromParameterStoreKey, LoadFromSecretsManagerKey })
        {
            if (await PlanAsync(document, model, node, diagnostic, key, cancellationToken).ConfigureAwait(false) is { } plan)
            {
                offers.Add(new FixOffer(TitleOf(plan), key));
            }
        }

        return offers;
    }

    /// <summary>Reads of one variable in one type share one field, as each read is planned on the updated document.</summary>
    private protected override Task<SecretLoad?> PlanAsync(Document document, SemanticModel model, InvocationExpressionSyntax node, Diagnostic diagnostic, string equivalenceKey, CancellationToken cancellationToken)
    {
        var store = equivalenceKey == LoadFromSecretsManagerKey ? Store.SecretsManager : Store.ParameterStore;
        return Task.FromResult(
            IsReferenced(model.Compilation, store)
            && ReadName(model, node, cancellationToken) is { } name
            && node.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } typeDeclaration
            && model.GetDeclaredSymbol(typeDeclaration, cancellationToken) is { } type
                ? new SecretLoad(name, store, typeDeclaration, type)
                : null);
    }

    private protected override Task<Document> ApplyAsync(Document document, SyntaxNode root, SemanticModel model, InvocationExpressionSyntax node, SecretLoad plan, CancellationToken cancellationToken) =>
        Task.FromResult(document.WithSyntaxRoot(Apply(root, node, plan.TypeDeclaration, plan.Type, plan.Name, plan.Store)));

    /// <summary>The new members are written with qualified names: add the usings, then shorten the names and format.</summary>
    private protected override Task<Document> FinishAsync(Document document, CancellationToken cancellationToken) => ImportSimplifyAndFormatAsync(document, cancellationToken);

    /// <summary>What the fix does for one read: load the variable <see cref="Name"/> from <see cref="Store"/>, in a member of the read's type.</summary>
    public sealed class SecretLoad
    {
        internal SecretLoad(string name, Store store, TypeDeclarationSyntax typeDeclaration, INamedTypeSymbol type)
        {
            Name = name;
            Store = store;
            TypeDeclaration = typeDeclaration;
            Type = type;
        }

        internal string Name { get; }

        internal Store Store { get; }

        internal TypeDeclarationSyntax TypeDeclaration { get; }

        internal INamedTypeSymbol Type { get; }
    }

    internal enum Store
    {
        ParameterStore,
        SecretsManager,
    }

    private static bool IsReferenced(Compilation compilation, Store store)
    {
        var symbols = LambdaSymbols.For(compilation);
        return store == Store.ParameterStore ? symbols.HasParameterStore : symbols.HasSecretsManager;
    }

    /// <summary>The <c>GetEnvironmentVariable</c> call the diagnostic sits on, inside a type declaration that can hold a static field.</summary>
    private static InvocationExpressionSyntax? FindRead(SyntaxNode root, TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is { } invocation
        && invocation.Span == span
        && invocation.FirstAncestorOrSelf<TypeDeclarationSyntax>() is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax
            ? invocation
            : null;

    /// <summary>The constant variable name of a <c>System.Environment.GetEnvironmentVariable</c> call, or null.</summary>
    private static string? ReadName(SemanticModel model, InvocationExpressionSyntax read, CancellationToken cancellationToken) =>
        model.GetOperation(read, cancellationToken) is IInvocationOperation invocation
        && LambdaSymbols.For(model.Compilation).IsEnvironmentMethod(invocation.TargetMethod, KnownTypes.GetEnvironmentVariable)
        && invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0) is { } argument
        && LambdaCompilation.For(model.Compilation).Constants.TryGet(argument.Value, out var name, cancellationToken)
        && SecretNames.Tokenize(name).Length > 0
            ? name
            : null;

    private static SyntaxNode Apply(SyntaxNode root, InvocationExpressionSyntax read, TypeDeclarationSyntax typeDeclaration, INamedTypeSymbol type, string name, Store store)
    {
        var baseName = MemberName(name);
        var (fieldName, methodName, reuse) = ChooseNames(type, baseName);

        // 1. The read becomes the cached value.
        var newTypeDeclaration = typeDeclaration.ReplaceNode(read, IdentifierName(fieldName).WithTriviaFrom(read));
        if (reuse)
        {
            return root.ReplaceNode(typeDeclaration, newTypeDeclaration);
        }

        // 2. The field goes first in the type, so static initializers that used the read run after it; the loader goes last.
        var pointer = SecretNames.Canonical(name) + (store == Store.ParameterStore ? "_PARAMETER" : "_SECRET_ID");
        var eol = LineEndings.Of(root);
        var field = ParseMember(FieldText(fieldName, methodName, pointer, store), eol);
        var method = ParseMember(MethodText(methodName, name, pointer, store), eol);
        var members = newTypeDeclaration.Members;
        field = members.Count > 0 ? field.WithTrailingTrivia(field.GetTrailingTrivia().Add(eol)) : field;
        members = members.Insert(0, field);
        method = members.Count > 1 ? method.WithLeadingTrivia(method.GetLeadingTrivia().Insert(0, eol)) : method;
        members = members.Add(method);
        return root.ReplaceNode(typeDeclaration, newTypeDeclaration.WithMembers(members));
    }

    private static string FieldText(string fieldName, string methodName, string pointer, Store store) =>
        (store == Store.ParameterStore
            ? $"// LBP301: loaded once per execution environment from the Parameter Store SecureString named by {pointer}.\n"
            : $"// LBP301: loaded once per execution environment from the Secrets Manager secret named by {pointer}.\n")
        + $"private static readonly string {fieldName} = {methodName}();\n";

    /// <summary>
    /// The loader. It runs once, from the static field's initializer (init code: no handler reaches it), and blocks on the
    /// SDK's async call: the Lambda runtime has no synchronization context, so this cannot deadlock.
    /// </summary>
    private static string MethodText(string methodName, string name, string pointer, Store store) => store == Store.ParameterStore
        ? $$"""
            private static string {{methodName}}()
            {
                var parameterName = global::System.Environment.GetEnvironmentVariable("{{pointer}}")
                    ?? throw new global::System.InvalidOperationException("Set {{pointer}} to the name of the SecureString parameter that holds {{Escape(name)}}.");
                using var ssm = new global::Amazon.SimpleSystemsManagement.AmazonSimpleSystemsManagementClient();
                var response = ssm.GetParameterAsync(new global::Amazon.SimpleSystemsManagement.Model.GetParameterRequest { Name = parameterName, WithDecryption = true }).GetAwaiter().GetResult();
                return response.Parameter.Value;
            }

            """
        : $$"""
            private static string {{methodName}}()
            {
                var secretId = global::System.Environment.GetEnvironmentVariable("{{pointer}}")
                    ?? throw new global::System.InvalidOperationException("Set {{pointer}} to the name or ARN of the secret that holds {{Escape(name)}}.");
                using var secretsManager = new global::Amazon.SecretsManager.AmazonSecretsManagerClient();
                var response = secretsManager.GetSecretValueAsync(new global::Amazon.SecretsManager.Model.GetSecretValueRequest { SecretId = secretId }).GetAwaiter().GetResult();
                return response.SecretString;
            }

            """;

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("{", "{{").Replace("}", "}}");

    private static MemberDeclarationSyntax ParseMember(string text, SyntaxTrivia eol) => GeneratedMembers.Parse(text, eol);

    /// <summary>
    /// <c>DB_PASSWORD</c> → field <c>DbPassword</c>, loader <c>LoadDbPassword</c>; when the type already has the field this fix
    /// adds (same name, initialized by the same loader), it is reused; otherwise a free name is picked.
    /// </summary>
    private static (string Field, string Method, bool Reuse) ChooseNames(INamedTypeSymbol type, string baseName)
    {
        for (var i = 1; ; i++)
        {
            var field = i == 1 ? baseName : baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var method = "Load" + field;
            var fieldMembers = type.GetMembers(field);
            var methodMembers = type.GetMembers(method);
            if (fieldMembers.IsEmpty && methodMembers.IsEmpty && type.Name != field)
            {
                return (field, method, false);
            }

            if (fieldMembers.Length == 1 && fieldMembers[0] is IFieldSymbol { IsStatic: true, IsReadOnly: true, Type.SpecialType: SpecialType.System_String } existing
                && methodMembers.Length == 1
                && existing.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is VariableDeclaratorSyntax
                {
                    Initializer.Value: InvocationExpressionSyntax { Expression: IdentifierNameSyntax loader, ArgumentList.Arguments.Count: 0 },
                }
                && loader.Identifier.ValueText == method)
            {
                return (field, method, true);
            }
        }
    }

    private static string MemberName(string variableName)
    {
        var name = string.Concat(SecretNames.Tokenize(variableName).Select(t => t.Substring(0, 1) + t.Substring(1).ToLowerInvariant()));
        return name.Length == 0 || char.IsDigit(name[0]) ? "Secret" + name : name;
    }
}
