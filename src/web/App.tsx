/** Routes: the login page until someone is logged in, then the pages inside the layout. */
import { Redirect, Route, Switch } from 'wouter';
import { Layout } from './components/Layout';
import { SessionProvider, useSession } from './session';
import { LoginOrSetup } from './pages/setup/LoginOrSetup';
import { HomeRedirect } from './pages/HomeRedirect';
import { DashboardPage } from './pages/DashboardPage';
import { TrendsPage } from './pages/TrendsPage';
import { HelpPage } from './pages/help/HelpPage';
import { SearchPage } from './pages/search/SearchPage';
import { PAGES } from './pages/registry';

function Routes() {
  const { me, checked } = useSession();
  if (!checked)
    return (
      <p className="loading" role="status">
        Loading…
      </p>
    );
  if (me === undefined) return <LoginOrSetup />;
  return (
    <Layout>
      <Switch>
        <Route path="/" component={HomeRedirect} />
        <Route path="/login">
          <Redirect to="/" />
        </Route>
        <Route path="/assessments/:id">{(p) => <DashboardPage assessmentId={Number(p.id)} />}</Route>
        <Route path="/trends" component={TrendsPage} />
        <Route path="/help" component={HelpPage} />
        <Route path="/search" component={SearchPage} />
        {PAGES.map((page) => (
          <Route key={page.path} path={page.path} component={page.component} />
        ))}
        <Route>
          <main id="main">
            <h1>Page not found</h1>
            <p>There is no page at this address. Use the menu to find what you need.</p>
          </main>
        </Route>
      </Switch>
    </Layout>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Routes />
    </SessionProvider>
  );
}
