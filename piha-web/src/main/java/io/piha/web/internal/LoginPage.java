package io.piha.web.internal;

import io.piha.web.Login;
import java.util.Map;

/** {@code /login} and {@code /logout}: one user, one password hash (PBKDF2), a new session id on login. */
final class LoginPage {

    private final Web web;
    private final Sessions sessions;

    LoginPage(Web web, Sessions sessions) {
        this.web = web;
        this.sessions = sessions;
    }

    void register(Router r) {
        r.get("/login", x -> show(x, 200, "", ""));
        r.post("/login", this::login);
        r.post("/logout", x -> {
            sessions.remove(x.session());
            x.redirect("/login");
        });
    }

    private void login(Exchange x) {
        if (!(web.config().login() instanceof Login.Password password)) {
            x.redirect("/");
            return;
        }
        String user = x.field("user");
        // the hash is checked even for a wrong user, so the answer takes as long either way
        boolean passwordOk = password.hash().matches(x.field("password").toCharArray());
        if (!passwordOk || !user.equals(password.user())) {
            show(x, 401, user, "Wrong user or password.");
            return;
        }
        Session s = sessions.login(x.session(), user);
        WebServer.setCookie(x, s, web.config().secureCookies());
        x.redirect("/");
    }

    private void show(Exchange x, int status, String user, String error) {
        web.fragment(x, status, "login.jte", Map.of("user", user, "error", error, "csrf", x.session().csrfToken()));
    }
}
