// Mirrors NuGet package: Amazon.CDK.Lib 2.x (AWS CDK v2 for .NET, the jsii-generated bindings of aws-cdk-lib; the
// reference does not pin a version).
// TEST/SAMPLE STUB of the public API surface only: namespaces, member names and types follow the published package;
// this is NOT the real implementation (bodies throw or return defaults; nothing is synthesized).
// Not checked against shared/reference (the package is not listed there): written from the package's public .NET API.
// The package is large; this stub declares only the few types a CDK app needs to define a Lambda function and set its
// environment: Amazon.CDK.App / Stack / StackProps / Resource / Duration and, in Amazon.CDK.AWS.Lambda, Function,
// FunctionBase, FunctionProps (+ IFunctionProps / IFunctionOptions, where jsii declares Environment), FunctionOptions,
// DockerImageFunction(+Props), Code, Runtime and EnvironmentOptions. jsii shapes kept: props are classes with
// get/set properties implementing an I...Props interface whose optional members are default-implemented getters;
// optional values are nullable (`double?`, `IDictionary<string, string>?`); Function.AddEnvironment returns the
// function and takes an optional IEnvironmentOptions. Parameters whose real types are not stubbed (asset options,
// RuntimeFamily, ...) are typed `object?` here, with the real names and optionality. Left out: Amazon.JSII.Runtime.Deputy.DeputyBase (the real
// base of every class) and the jsii attributes ([JsiiClass], [JsiiProperty], ...), which the analyzers never read.
// Requires: Constructs.cs
// Nullable: the real assembly is nullable-annotated, so this file is too (#nullable enable).

#nullable enable

using System.Collections.Generic;
using Constructs;

namespace Amazon.CDK
{
    public interface IResource : IConstruct
    {
        Stack Stack { get; }
    }

    public interface IStackProps
    {
        string? Description => null;

        string? StackName => null;

        IDictionary<string, string>? Tags => null;
    }

    public class StackProps : IStackProps
    {
        public string? Description { get; set; }

        public string? StackName { get; set; }

        public IDictionary<string, string>? Tags { get; set; }
    }

    public interface IAppProps
    {
        string? Outdir => null;
    }

    public class Stage : Construct
    {
        protected Stage(Construct scope, string id)
            : base(scope, id)
        {
        }
    }

    public class App : Stage
    {
        public App(IAppProps? props = null)
            : base(null!, string.Empty)
        {
        }

        public virtual object Synth(object? options = null) => throw null!;
    }

    public class Stack : Construct
    {
        public Stack(Construct? scope = null, string? id = null, IStackProps? props = null)
            : base(scope!, id!)
        {
        }

        public virtual string Region => throw null!;

        public virtual string Account => throw null!;
    }

    public abstract class Resource : Construct, IResource
    {
        protected Resource(Construct scope, string id, object? props = null)
            : base(scope, id)
        {
        }

        public virtual Stack Stack => throw null!;
    }

    public class Duration
    {
        protected Duration()
        {
        }

        public static Duration Seconds(double amount) => throw null!;

        public static Duration Minutes(double amount) => throw null!;
    }
}

namespace Amazon.CDK.AWS.Lambda
{
    public interface IFunction : IResource
    {
        string FunctionArn { get; }

        string FunctionName { get; }
    }

    public abstract class FunctionBase : Resource, IFunction
    {
        protected FunctionBase(Construct scope, string id, object? props = null)
            : base(scope, id, props)
        {
        }

        public abstract string FunctionArn { get; }

        public abstract string FunctionName { get; }
    }

    public interface IEnvironmentOptions
    {
        bool? RemoveInEdge => null;
    }

    public class EnvironmentOptions : IEnvironmentOptions
    {
        public bool? RemoveInEdge { get; set; }
    }

    /// <summary>Non-runtime options of a function: jsii declares Environment here and in every I...FunctionProps.</summary>
    public interface IFunctionOptions
    {
        string? Description => null;

        IDictionary<string, string>? Environment => null;

        string? FunctionName => null;

        double? MemorySize => null;

        Duration? Timeout => null;
    }

    public interface IFunctionProps : IFunctionOptions
    {
        Code Code { get; }

        string Handler { get; }

        Runtime Runtime { get; }
    }

    public class FunctionOptions : IFunctionOptions
    {
        public string? Description { get; set; }

        public IDictionary<string, string>? Environment { get; set; }

        public string? FunctionName { get; set; }

        public double? MemorySize { get; set; }

        public Duration? Timeout { get; set; }
    }

    public class FunctionProps : IFunctionProps
    {
        public Code Code { get; set; } = null!;

        public string Handler { get; set; } = null!;

        public Runtime Runtime { get; set; } = null!;

        public string? Description { get; set; }

        public IDictionary<string, string>? Environment { get; set; }

        public string? FunctionName { get; set; }

        public double? MemorySize { get; set; }

        public Duration? Timeout { get; set; }
    }

    public class Function : FunctionBase
    {
        public Function(Construct scope, string id, IFunctionProps props)
            : base(scope, id, props)
        {
        }

        public override string FunctionArn => throw null!;

        public override string FunctionName => throw null!;

        public virtual Runtime Runtime => throw null!;

        public virtual Function AddEnvironment(string key, string value, IEnvironmentOptions? options = null) => throw null!;
    }

    public interface IDockerImageFunctionProps : IFunctionOptions
    {
        DockerImageCode Code { get; }
    }

    public class DockerImageFunctionProps : IDockerImageFunctionProps
    {
        public DockerImageCode Code { get; set; } = null!;

        public string? Description { get; set; }

        public IDictionary<string, string>? Environment { get; set; }

        public string? FunctionName { get; set; }

        public double? MemorySize { get; set; }

        public Duration? Timeout { get; set; }
    }

    public class DockerImageFunction : Function
    {
        public DockerImageFunction(Construct scope, string id, IDockerImageFunctionProps props)
            : base(scope, id, null!)
        {
        }
    }

    public abstract class Code
    {
        protected Code()
        {
        }

        public static AssetCode FromAsset(string path, object? options = null) => throw null!;

        public static InlineCode FromInline(string code) => throw null!;
    }

    public class AssetCode : Code
    {
        public AssetCode(string path, object? options = null)
        {
        }
    }

    public class InlineCode : Code
    {
        public InlineCode(string code)
        {
        }
    }

    public abstract class DockerImageCode
    {
        protected DockerImageCode()
        {
        }

        public static DockerImageCode FromImageAsset(string directory, object? props = null) => throw null!;
    }

    public class Runtime
    {
        public Runtime(string name, object? family = null, object? props = null)
        {
        }

        public static Runtime DOTNET_8 => throw null!;

        public static Runtime PROVIDED_AL2023 => throw null!;

        public virtual string Name => throw null!;
    }
}
