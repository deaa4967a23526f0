using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace LambdaBestPractices.Analyzers.Model;

/// <summary>
/// The entry points of an ASP.NET Core application that Lambda runs (a compilation that references
/// Amazon.Lambda.AspNetCoreServer: an <c>APIGatewayProxyFunction</c>/<c>ApplicationLoadBalancerFunction</c> subclass, or
/// <c>AddAWSLambdaHosting</c>). Each invocation runs the request pipeline once, so what it runs per request is on the
/// invocation path, from a synchronous (HTTP) source:
/// <list type="bullet">
/// <item>controller actions: public instance methods of a controller (a <c>ControllerBase</c> subclass, or a class marked
/// <c>[Controller]</c>/<c>[ApiController]</c>), not <c>[NonAction]</c>, and the controller's constructors and instance
/// initializers (a controller is created per request);</item>
/// <item>Razor Pages handlers: <c>On{Verb}*</c> methods of a <c>PageModel</c>, and a page model's construction;</item>
/// <item>middleware: a public <c>Invoke</c>/<c>InvokeAsync</c> whose first parameter is an <c>HttpContext</c> (conventional
/// middleware and <c>IMiddleware</c>);</item>
/// <item>endpoint and middleware delegates: the lambdas and method groups passed to <c>MapGet</c>/<c>MapPost</c>/<c>MapPut</c>/
/// <c>MapDelete</c>/<c>MapPatch</c>/<c>MapMethods</c>/<c>Map</c>/<c>MapFallback</c>, <c>Use</c> and <c>Run</c>.</item>
/// </list>
/// <c>Program</c>, <c>Startup</c> and the function class's <c>Init</c> build the application once: init code. One instance per
/// compilation (<see cref="LambdaSymbols.AspNetCore"/>); null where the compilation does not run ASP.NET Core on Lambda.
/// </summary>
internal sealed class AspNetCoreEntries
{
    private readonly ImmutableArray<INamedTypeSymbol> _controllerBase;
    private readonly ImmutableArray<INamedTypeSymbol> _controllerAttribute;
    private readonly ImmutableArray<INamedTypeSymbol> _nonActionAttribute;
    private readonly ImmutableArray<INamedTypeSymbol> _nonControllerAttribute;
    private readonly ImmutableArray<INamedTypeSymbol> _pageModel;
    private readonly ImmutableArray<INamedTypeSymbol> _httpContext;
    private readonly ImmutableArray<INamedTypeSymbol> _endpointExtensions;
    private readonly ImmutableArray<INamedTypeSymbol> _useExtensions;
    private readonly ImmutableArray<INamedTypeSymbol> _runExtensions;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _controllers = new(SymbolEqualityComparer.Default);

    public AspNetCoreEntries(Func<string, ImmutableArray<INamedTypeSymbol>> resolve)
    {
        _controllerBase = resolve(KnownTypes.AspNetCoreControllerBase);
        _controllerAttribute = resolve(KnownTypes.AspNetCoreControllerAttribute);
        _nonActionAttribute = resolve(KnownTypes.AspNetCoreNonActionAttribute);
        _nonControllerAttribute = resolve(KnownTypes.AspNetCoreNonControllerAttribute);
        _pageModel = resolve(KnownTypes.AspNetCorePageModel);
        _httpContext = resolve(KnownTypes.AspNetCoreHttpContext);
        _endpointExtensions = resolve(KnownTypes.AspNetCoreEndpointRouteBuilderExtensions);
        _useExtensions = resolve(KnownTypes.AspNetCoreUseExtensions);
        _runExtensions = resolve(KnownTypes.AspNetCoreRunExtensions);
    }

    /// <summary>
    /// What the pipeline runs per request: a controller action, the constructor the container builds a controller or page
    /// model with, a page handler, a middleware's Invoke (also an explicit <c>IMiddleware.InvokeAsync</c>).
    /// </summary>
    public bool IsRequestMethod(IMethodSymbol method)
    {
        if (method.IsStatic || method.ContainingType is not { TypeKind: TypeKind.Class } type)
        {
            return false;
        }

        switch (method.MethodKind)
        {
            case MethodKind.Constructor:
                return IsCreatedPerRequest(type) && SymbolEqualityComparer.Default.Equals(MemberWalker.ContainerConstructor(type, activatorUtilities: true), method);
            case MethodKind.ExplicitInterfaceImplementation:
                return method.Name.EndsWith("InvokeAsync", StringComparison.Ordinal) && TakesHttpContext(method);
            case MethodKind.Ordinary when method.DeclaredAccessibility == Accessibility.Public && !method.IsAbstract:
                if (method.Name is "Invoke" or "InvokeAsync" && TakesHttpContext(method))
                {
                    return true;
                }

                if (IsPageHandlerName(method.Name) && LambdaSymbols.InheritsFromAny(_pageModel, type))
                {
                    return true;
                }

                return IsController(type) && IsAction(method);
            default:
                return false;
        }
    }

    /// <summary>A controller or a page model: the container creates one per request (its initializers and constructor run then).</summary>
    public bool IsCreatedPerRequest(INamedTypeSymbol type) => IsController(type) || (!type.IsAbstract && LambdaSymbols.InheritsFromAny(_pageModel, type));

    private bool TakesHttpContext(IMethodSymbol method) =>
        method.Parameters.Length > 0 && LambdaSymbols.Contains(_httpContext, method.Parameters[0].Type);

    /// <summary>Razor Pages' handler names: <c>On{Verb}[Name][Async]</c>.</summary>
    private static bool IsPageHandlerName(string name)
    {
        foreach (var verb in PageVerbs)
        {
            if (name.StartsWith(verb, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] PageVerbs = { "OnGet", "OnPost", "OnPut", "OnDelete", "OnPatch", "OnHead", "OnOptions" };


    /// <summary>
    /// What MVC takes for an action of a controller: not <c>[NonAction]</c>, not generic, not an override of an
    /// <c>object</c> member, not <c>Dispose</c>/<c>DisposeAsync</c> (the container calls those at the end of the request,
    /// which is on the path too, but they are not where a request's work is done).
    /// </summary>
    private bool IsAction(IMethodSymbol method) =>
        !method.IsGenericMethod
        && method.Name is not ("Dispose" or "DisposeAsync" or "ToString" or "Equals" or "GetHashCode")
        && !HasAttribute(method, _nonActionAttribute);

    /// <summary>A controller: created per request, its public instance methods are actions.</summary>
    public bool IsController(INamedTypeSymbol type) =>
        _controllers.TryGetValue(type, out var known) ? known : _controllers.GetOrAdd(type, DecideController);

    /// <summary>MVC's rule: a public, top-level, non-abstract, non-generic class, under <c>ControllerBase</c> or <c>[Controller]</c>
    /// and not <c>[NonController]</c> (both read through the base classes).</summary>
    private bool DecideController(INamedTypeSymbol type)
    {
        if (type.IsAbstract || type.IsStatic || type.DeclaredAccessibility != Accessibility.Public || type.ContainingType is not null || type.IsGenericType)
        {
            return false;
        }

        var controller = false;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (HasAttribute(current, _nonControllerAttribute))
            {
                return false;
            }

            controller |= LambdaSymbols.Contains(_controllerBase, current) || HasAttribute(current, _controllerAttribute);
        }

        return controller;
    }

    /// <summary><c>MapGet</c> and the other endpoint maps, <c>Use</c> and <c>Run</c>: their delegate arguments run per request.</summary>
    public bool RegistersRequestDelegates(IMethodSymbol method)
    {
        var type = method.ContainingType;
        return type is not null
            && ((method.Name.StartsWith("Map", StringComparison.Ordinal) && LambdaSymbols.Contains(_endpointExtensions, type))
                || (method.Name == "Use" && LambdaSymbols.Contains(_useExtensions, type))
                || (method.Name == "Run" && LambdaSymbols.Contains(_runExtensions, type)));
    }

    private static bool HasAttribute(ISymbol symbol, ImmutableArray<INamedTypeSymbol> attributes)
    {
        if (attributes.IsEmpty)
        {
            return false;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (LambdaSymbols.InheritsFromAny(attributes, attribute.AttributeClass))
            {
                return true;
            }
        }

        return false;
    }
}
