import ConchKit

/// Web frameworks' route decorators: the function they decorate runs once per request,
/// on the server's threads or loop, as often as clients ask.
enum WebRoutes {
    /// Applications and routers whose methods of these names register a route.
    private static let routers: [String] = [
        "flask.Flask.", "flask.app.Flask.", "flask.Blueprint.", "flask.blueprints.Blueprint.",
        "quart.Quart.", "quart.Blueprint.", "fastapi.FastAPI.", "fastapi.APIRouter.", "fastapi.routing.APIRouter.",
        "bottle.Bottle.", "sanic.Sanic.", "sanic.Blueprint.", "starlette.applications.Starlette.",
        "aiohttp.web.RouteTableDef.",
    ]
    private static let methods: Set<String> = ["route", "get", "post", "put", "patch", "delete", "api_route", "websocket"]
    /// Bottle's module-level shortcuts to its default application; CherryPy's `@cherrypy.expose`
    /// and Pyramid's `@view_config`, which make a method or function a view.
    private static let functions: Set<String> = [
        "bottle.route", "bottle.get", "bottle.post", "bottle.put", "bottle.delete", "cherrypy.expose", "pyramid.view.view_config",
    ]

    private static let frameworkNames = [
        "flask": "Flask", "quart": "Quart", "fastapi": "FastAPI", "bottle": "Bottle", "sanic": "Sanic", "starlette": "Starlette",
        "cherrypy": "CherryPy", "pyramid": "Pyramid", "aiohttp": "aiohttp",
    ]

    /// Django's URL patterns: `path("signup/", views.signup)` makes `signup` a view.
    static let djangoPatterns: Set<String> = ["django.urls.path", "django.urls.re_path", "django.conf.urls.url"]

    /// Calls that register a view function without a decorator, by framework, with where
    /// they take it: Flask's `app.add_url_rule("/", "index", index)` (or `view_func=`),
    /// FastAPI's `app.add_api_route("/", index)` (or `endpoint=`), Starlette's `Route("/", index)`.
    private static let registrations: [String: (framework: String, keyword: String?, position: Int)] = {
        var table: [String: (framework: String, keyword: String?, position: Int)] = [:]
        for pattern in djangoPatterns { table[pattern] = ("Django", "view", 1) }
        for router in ["flask.Flask.", "flask.app.Flask.", "flask.Blueprint.", "flask.blueprints.Blueprint."] {
            table[router + "add_url_rule"] = ("Flask", "view_func", 2)
        }
        for router in ["fastapi.FastAPI.", "fastapi.APIRouter.", "fastapi.routing.APIRouter."] {
            table[router + "add_api_route"] = ("FastAPI", "endpoint", 1)
        }
        // `Route("/", homepage)` in a Starlette application's routes.
        for route in ["starlette.routing.Route", "starlette.routing.WebSocketRoute"] { table[route] = ("Starlette", "endpoint", 1) }
        // Django REST framework's `router.register("users", UserViewSet)`: a viewset class.
        for router in ["rest_framework.routers.DefaultRouter.", "rest_framework.routers.SimpleRouter."] {
            table[router + "register"] = ("Django", "viewset", 1)
        }
        return table
    }()

    /// The functions the project's URL registrations name as views, with their framework.
    /// A class-based view (`path("cart/", CartView.as_view())`, Flask's `MethodView`, a Django
    /// REST framework viewset a router registers) is made per request and runs the method for
    /// the request's verb and the hooks that calls: every method its class defines counts.
    static func registeredViews(in model: ProjectModel) -> [FunctionID: String] {
        model.shared(RegisteredViews.self) { RegisteredViews(byFunction: findRegisteredViews(in: model)) }.byFunction
    }

    /// The views of a project, looked for once per run by the first rule that asks.
    private struct RegisteredViews: Sendable { var byFunction: [FunctionID: String] }
    private struct AllViews: Sendable { var views: [View] }
    private struct ThreadedViews: Sendable { var views: [View] }

    private static func findRegisteredViews(in model: ProjectModel) -> [FunctionID: String] {
        var views: [FunctionID: String] = [:]
        var viewClasses: [String: String] = [:]
        model.forEachCall(toAnyOf: registrations.keys) { _, _, lent in
            let call = lent.facts
            guard let registration = registrations[call.callee],
                  let argument = registration.keyword.flatMap(call.argument(keyword:)) ?? call.argument(at: registration.position)
            else { return }
            switch argument.shape {
            case let .name(view) where model.functionIndex[view] != nil: views[view] = registration.framework
            // A class named as it is (a viewset, a Starlette `HTTPEndpoint`): made per request, as
            // `as_view` does; not an object the module made once (`Route("/", app)`, `app = App()`).
            case let .name(viewClass) where viewClass.split(separator: ".").last == argument.text.split(separator: ".").last:
                viewClasses[viewClass] = registration.framework
            case let .call(maker) where maker.hasSuffix(".as_view"): viewClasses[String(maker.dropLast(8))] = registration.framework
            default: break
            }
        }
        guard !viewClasses.isEmpty else { return views }
        for file in model.files where file.language == .python {
            for method in file.functions {
                if let owner = method.className, let framework = viewClasses[owner] { views[method.id] = framework }
            }
        }
        return views
    }

    /// A function a web framework runs per request: under a route decorator, or named by a
    /// registration call, with the framework.
    struct View: Sendable {
        var file: FileFacts
        var function: FunctionFacts
        /// The function's index in its file.
        var index: Int
        var framework: String
    }

    /// Every view of the project, in file order.
    static func views(in model: ProjectModel) -> [View] {
        model.shared(AllViews.self) { AllViews(views: findViews(in: model)) }.views
    }

    private static func findViews(in model: ProjectModel) -> [View] {
        let registered = registeredViews(in: model)
        var views: [View] = []
        for file in model.files where file.language == .python {
            for (index, function) in file.functions.enumerated() where !function.decorators.isEmpty || registered[function.id] != nil {
                guard let framework = framework(of: function) ?? registered[function.id] else { continue }
                views.append(View(file: file, function: function, index: index, framework: framework))
            }
        }
        return views
    }

    /// Flask runs an `async def` view to completion in the request's thread; the others run
    /// one on an event loop, where no other request runs between a read and a write. Starlette,
    /// as FastAPI on it, runs a plain `def` endpoint in its thread pool.
    private static let threadedFrameworks: Set<String> = ["Flask", "Django", "FastAPI", "CherryPy", "Pyramid", "Starlette"]

    /// The views whose server runs each request in a thread of its own: Flask's (its development
    /// server and the threaded WSGI servers), a Django view a URL pattern names (`runserver`
    /// likewise), a FastAPI `def` route (its thread pool), CherryPy's exposed methods (its
    /// thread pool), Pyramid's views (waitress's threads). Views defined in tests are left out.
    static func threadedViews(in model: ProjectModel) -> [View] {
        model.shared(ThreadedViews.self) {
            ThreadedViews(views: views(in: model).filter { view in
                threadedFrameworks.contains(view.framework) && (!view.function.isAsync || view.framework == "Flask")
                    && !view.file.isInTest(function: view.index)
            })
        }.views
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
