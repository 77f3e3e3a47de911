import ConchKit

/// Web frameworks' route decorators: the function they decorate runs once per request,
/// on the server's threads or loop, as often as clients ask.
enum WebRoutes {
    /// Applications and routers whose methods of these names register a route.
    private static let routers: [String] = [
        "flask.Flask.", "flask.app.Flask.", "flask.Blueprint.", "flask.blueprints.Blueprint.",
        "quart.Quart.", "quart.Blueprint.", "fastapi.FastAPI.", "fastapi.APIRouter.", "fastapi.routing.APIRouter.",
        "bottle.Bottle.", "sanic.Sanic.", "sanic.Blueprint.", "starlette.applications.Starlette.",
    ]
    private static let methods: Set<String> = ["route", "get", "post", "put", "patch", "delete", "api_route", "websocket"]
    /// Bottle's module-level shortcuts to its default application.
    private static let functions: Set<String> = ["bottle.route", "bottle.get", "bottle.post", "bottle.put", "bottle.delete"]

    private static let frameworkNames = [
        "flask": "Flask", "quart": "Quart", "fastapi": "FastAPI", "bottle": "Bottle", "sanic": "Sanic", "starlette": "Starlette",
    ]

    /// Django's URL patterns: `path("signup/", views.signup)` makes `signup` a view.
    static let djangoPatterns: Set<String> = ["django.urls.path", "django.urls.re_path", "django.conf.urls.url"]

    /// The functions a Django URL pattern of the project names as its view.
    static func djangoViews(in model: ProjectModel) -> Set<FunctionID> {
        var views: Set<FunctionID> = []
        model.forEachCall(toAnyOf: djangoPatterns) { _, _, call in
            if case let .name(view)? = call.facts.argument(at: 1)?.shape, model.functionIndex[view] != nil { views.insert(view) }
        }
        return views
    }

    /// A view whose server runs each request in a thread of its own: Flask's (its development
    /// server and the threaded WSGI servers), a Django view a URL pattern names (`runserver`
    /// likewise), a FastAPI `def` route (its thread pool). Views defined in tests are left out.
    struct ThreadedView {
        var file: FileFacts
        var function: FunctionFacts
        var framework: String
    }

    static func threadedViews(in model: ProjectModel) -> [ThreadedView] {
        let djangoViews = djangoViews(in: model)
        var views: [ThreadedView] = []
        for file in model.files where file.language == .python {
            for (index, function) in file.functions.enumerated() where !function.decorators.isEmpty || djangoViews.contains(function.id) {
                let framework: String? = switch framework(of: function) {
                case "Flask": "Flask"
                case "FastAPI" where !function.isAsync: "FastAPI"
                default: djangoViews.contains(function.id) ? "Django" : nil
                }
                guard let framework, !file.isInTest(function: index) else { continue }
                views.append(ThreadedView(file: file, function: function, framework: framework))
            }
        }
        return views
    }

    /// The web framework whose route decorator `function` carries (`Flask` for
    /// `@app.route(...)` on a `flask.Flask`); nil when it carries none.
    static func framework(of function: FunctionFacts) -> String? {
        let route = function.decorators.first { decorator in
            functions.contains(decorator) || routers.contains { router in
                decorator.hasPrefix(router) && methods.contains(String(decorator.dropFirst(router.count)))
            }
        }
        return route.flatMap { frameworkNames[String($0.prefix { $0 != "." })] }
    }
}
