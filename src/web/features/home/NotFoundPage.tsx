import { NotFound } from '../../ui/states.tsx';

export function NotFoundPage() {
  return <NotFound />;
}
