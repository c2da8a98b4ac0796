import './styles/index.css'
import { setupApp } from './app.ts'
import { find } from './ui/dom.ts'

void setupApp(find(document, '#app'))
